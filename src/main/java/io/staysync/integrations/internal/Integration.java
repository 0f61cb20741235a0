package io.staysync.integrations.internal;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

import io.staysync.channels.ChannelMode;
import io.staysync.channels.ChannelType;
import io.staysync.integrations.IntegrationStatus;

/**
 * The connection to one channel. Secrets are held sealed (never in clear); status moves from
 * configured to connected or error as tests and syncs report.
 */
@Table("integrations")
public class Integration {

	static final int DEFAULT_ICAL_INTERVAL = 15;

	static final int DEFAULT_API_INTERVAL = 1;

	@Id
	private final UUID id;

	private final String type;

	private String status;

	private String statusMessage;

	private String mode;

	private String apiKey;

	private String apiKeyHint;

	private String apiSecret;

	private String webhookSecret;

	private String webhookUrl;

	private boolean active;

	private int syncIntervalMinutes;

	private Instant lastSyncAt;

	private String lastSyncStatus;

	private String lastSyncError;

	private Instant lastTestedAt;

	private final Instant createdAt;

	private Instant updatedAt;

	@Version
	private Long version;

	@PersistenceCreator
	Integration(UUID id, String type, String status, String statusMessage, String mode, String apiKey,
			String apiKeyHint, String apiSecret, String webhookSecret, String webhookUrl, boolean active,
			int syncIntervalMinutes, Instant lastSyncAt, String lastSyncStatus, String lastSyncError,
			Instant lastTestedAt, Instant createdAt, Instant updatedAt, Long version) {
		this.id = id;
		this.type = type;
		this.status = status;
		this.statusMessage = statusMessage;
		this.mode = mode;
		this.apiKey = apiKey;
		this.apiKeyHint = apiKeyHint;
		this.apiSecret = apiSecret;
		this.webhookSecret = webhookSecret;
		this.webhookUrl = webhookUrl;
		this.active = active;
		this.syncIntervalMinutes = syncIntervalMinutes;
		this.lastSyncAt = lastSyncAt;
		this.lastSyncStatus = lastSyncStatus;
		this.lastSyncError = lastSyncError;
		this.lastTestedAt = lastTestedAt;
		this.createdAt = createdAt;
		this.updatedAt = updatedAt;
		this.version = version;
	}

	static Integration first(ChannelType type, ChannelMode mode, Instant now) {
		return new Integration(UUID.randomUUID(), type.path(), IntegrationStatus.CONFIGURED.json(), null, mode.json(),
				null, null, null, null, null, true,
				mode == ChannelMode.API ? DEFAULT_API_INTERVAL : DEFAULT_ICAL_INTERVAL, null, null, null, null, now, now,
				null);
	}

	/** A change of mode or credentials has not been shown to work yet. */
	void markConfigured(Instant now) {
		status = IntegrationStatus.CONFIGURED.json();
		statusMessage = null;
		updatedAt = now;
	}

	void recordTest(boolean ok, String message, Instant now) {
		status = (ok ? IntegrationStatus.CONNECTED : IntegrationStatus.ERROR).json();
		statusMessage = message;
		lastTestedAt = now;
		updatedAt = now;
	}

	/**
	 * The end of a sync. A run that reached the channel proves the connection (connected, or
	 * error when every listing failed); one that could not even start leaves an error.
	 */
	void recordSync(Instant at, String syncStatus, String error, boolean reachedChannel) {
		lastSyncAt = at;
		lastSyncStatus = syncStatus;
		lastSyncError = error;
		boolean failed = "error".equals(syncStatus) || !reachedChannel;
		status = (failed ? IntegrationStatus.ERROR : IntegrationStatus.CONNECTED).json();
		statusMessage = failed ? error : null;
		updatedAt = at;
	}

	void notePause(String message) {
		status = IntegrationStatus.ERROR.json();
		statusMessage = message;
	}

	void changeMode(ChannelMode mode) {
		this.mode = mode.json();
	}

	void sealApiKey(String sealed, String hint) {
		this.apiKey = sealed;
		this.apiKeyHint = hint;
	}

	void sealApiSecret(String sealed) {
		this.apiSecret = sealed;
	}

	void sealWebhookSecret(String sealed) {
		this.webhookSecret = sealed;
	}

	void changeWebhookUrl(String webhookUrl) {
		this.webhookUrl = webhookUrl;
	}

	void setActive(boolean active) {
		this.active = active;
	}

	void changeSyncInterval(int minutes) {
		this.syncIntervalMinutes = minutes;
	}

	void touch(Instant now) {
		this.updatedAt = now;
	}

	public UUID id() {
		return id;
	}

	public ChannelType type() {
		return ChannelType.fromPath(type);
	}

	public IntegrationStatus status() {
		return IntegrationStatus.valueOf(status.toUpperCase(java.util.Locale.ROOT));
	}

	public String statusMessage() {
		return statusMessage;
	}

	public ChannelMode mode() {
		return ChannelMode.valueOf(mode.toUpperCase(java.util.Locale.ROOT));
	}

	String sealedApiKey() {
		return apiKey;
	}

	public String apiKeyHint() {
		return apiKeyHint;
	}

	String sealedApiSecret() {
		return apiSecret;
	}

	String sealedWebhookSecret() {
		return webhookSecret;
	}

	public boolean apiKeyConfigured() {
		return apiKey != null;
	}

	public boolean apiSecretConfigured() {
		return apiSecret != null;
	}

	public boolean webhookSecretConfigured() {
		return webhookSecret != null;
	}

	public String webhookUrl() {
		return webhookUrl;
	}

	public boolean active() {
		return active;
	}

	public int syncIntervalMinutes() {
		return syncIntervalMinutes;
	}

	public Instant lastSyncAt() {
		return lastSyncAt;
	}

	public String lastSyncStatus() {
		return lastSyncStatus;
	}

	public String lastSyncError() {
		return lastSyncError;
	}

	public Instant lastTestedAt() {
		return lastTestedAt;
	}

	public Instant createdAt() {
		return createdAt;
	}

	public Instant updatedAt() {
		return updatedAt;
	}

	@Override
	public String toString() {
		return "Integration[" + type + ", " + mode + ", " + status + ", secrets hidden]";
	}

}

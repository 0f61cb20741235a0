package io.staysync.integrations.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

import io.staysync.channels.ChannelMode;
import io.staysync.channels.ChannelType;
import io.staysync.integrations.IntegrationStatus;
import io.staysync.integrations.SyncInterval;
import io.staysync.integrations.SyncOutcome;

/**
 * The connection to one channel. Secrets are held sealed (never in clear); status moves
 * from configured to connected or error as tests and syncs report, and back to configured
 * when its mode or API credentials change.
 */
@Table("integrations")
public class Integration {

	static final int DEFAULT_ICAL_INTERVAL = SyncInterval.DEFAULT_MINUTES;

	static final int DEFAULT_API_INTERVAL = 1;

	@Id
	private final UUID id;

	private final ChannelType type;

	private IntegrationStatus status;

	private String statusMessage;

	private ChannelMode mode;

	private String apiKey;

	private String apiKeyHint;

	private String apiSecret;

	private String webhookSecret;

	private String webhookUrl;

	private boolean active;

	private int syncIntervalMinutes;

	private Instant lastSyncAt;

	private SyncOutcome lastSyncStatus;

	private String lastSyncError;

	private Instant lastTestedAt;

	private String accessToken;

	private String refreshToken;

	private Instant tokenExpiresAt;

	private String connectedAccount;

	private Instant connectedAt;

	private final Instant createdAt;

	private Instant updatedAt;

	@Version
	private Long version;

	@PersistenceCreator
	Integration(UUID id, ChannelType type, IntegrationStatus status, String statusMessage, ChannelMode mode,
			String apiKey, String apiKeyHint, String apiSecret, String webhookSecret, String webhookUrl, boolean active,
			int syncIntervalMinutes, Instant lastSyncAt, SyncOutcome lastSyncStatus, String lastSyncError,
			Instant lastTestedAt, String accessToken, String refreshToken, Instant tokenExpiresAt,
			String connectedAccount, Instant connectedAt, Instant createdAt, Instant updatedAt, Long version) {
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
		this.accessToken = accessToken;
		this.refreshToken = refreshToken;
		this.tokenExpiresAt = tokenExpiresAt;
		this.connectedAccount = connectedAccount;
		this.connectedAt = connectedAt;
		this.createdAt = createdAt;
		this.updatedAt = updatedAt;
		this.version = version;
	}

	static Integration first(ChannelType type, ChannelMode mode, Instant now) {
		int interval = mode == ChannelMode.API ? DEFAULT_API_INTERVAL : DEFAULT_ICAL_INTERVAL;
		return new Integration(UUID.randomUUID(), type, IntegrationStatus.CONFIGURED, null, mode, null, null, null,
				null, null, true, interval, null, null, null, null, null, null, null, null, null, now, now, null);
	}

	/**
	 * Applies a checked configure request whose secrets are sealed. A new mode or new API
	 * credentials have not been shown to work yet, so the integration is back to
	 * configured; a webhook secret or URL, the interval or a pause say nothing about
	 * whether the channel answers and leave the status alone.
	 * @return the names of the fields that changed; a secret that is given counts as
	 * changed (its sealed form cannot be compared)
	 */
	List<String> reconfigure(Reconfiguration change, Instant now) {
		List<String> changes = new ArrayList<>();
		boolean untested = false;
		if (change.mode() != null && change.mode() != mode) {
			mode = change.mode();
			changes.add("mode");
			untested = true;
		}
		if (change.apiKey() != null) {
			sealApiKey(change.apiKey().sealed(), change.apiKey().hint());
			changes.add("apiKey");
			untested = true;
			if (accessToken != null || refreshToken != null) {
				// Tokens belong to the client they were issued to: another client id
				// cannot use them.
				forgetTokens();
				changes.add("oauthTokens");
			}
		}
		if (change.apiSecret() != null) {
			sealApiSecret(change.apiSecret().sealed());
			changes.add("apiSecret");
			untested = true;
		}
		if (change.webhookSecret() != null) {
			sealWebhookSecret(change.webhookSecret().sealed());
			changes.add("webhookSecret");
		}
		if (change.webhookUrl() != null) {
			String wanted = change.webhookUrl().isBlank() ? null : change.webhookUrl();
			if (!Objects.equals(wanted, webhookUrl)) {
				webhookUrl = wanted;
				changes.add("webhookUrl");
			}
		}
		if (change.syncInterval() != null && change.syncInterval().minutes() != syncIntervalMinutes) {
			syncIntervalMinutes = change.syncInterval().minutes();
			changes.add("syncIntervalMinutes");
		}
		if (change.active() != null && change.active() != active) {
			active = change.active();
			changes.add("isActive");
		}
		if (untested) {
			status = IntegrationStatus.CONFIGURED;
			statusMessage = null;
		}
		updatedAt = now;
		return changes;
	}

	void recordTest(boolean ok, String message, Instant now) {
		status = ok ? IntegrationStatus.CONNECTED : IntegrationStatus.ERROR;
		statusMessage = message;
		lastTestedAt = now;
		updatedAt = now;
	}

	/**
	 * The end of a sync. A run that reached the channel proves the connection (connected,
	 * or error when every listing failed); one that could not even start leaves an error.
	 */
	void recordSync(Instant at, SyncOutcome outcome, String error, boolean reachedChannel) {
		lastSyncAt = at;
		lastSyncStatus = outcome;
		lastSyncError = error;
		boolean failed = outcome == SyncOutcome.ERROR || !reachedChannel;
		status = failed ? IntegrationStatus.ERROR : IntegrationStatus.CONNECTED;
		statusMessage = failed ? error : null;
		updatedAt = at;
	}

	/**
	 * The channel's consent came back and its code was exchanged: the integration talks
	 * to the channel's API with these (sealed) tokens, which proves the client id and
	 * secret work.
	 */
	void connect(SealedTokens tokens, Instant now) {
		renewTokens(tokens);
		mode = ChannelMode.API;
		status = IntegrationStatus.CONNECTED;
		statusMessage = null;
		connectedAt = now;
		lastTestedAt = now;
		updatedAt = now;
	}

	/** A refresh gave new tokens; the connection and its status stay as they are. */
	void renewTokens(SealedTokens tokens) {
		accessToken = tokens.accessToken();
		refreshToken = tokens.refreshToken();
		tokenExpiresAt = tokens.expiresAt();
		if (tokens.accountId() != null) {
			connectedAccount = tokens.accountId();
		}
	}

	/**
	 * The channel no longer honours the authorization: the tokens are forgotten and the
	 * integration is in error with {@code message} until someone reconnects. The account
	 * it was connected to stays, to say which one to reconnect.
	 */
	void revokeTokens(String message, Instant now) {
		forgetTokens();
		status = IntegrationStatus.ERROR;
		statusMessage = message;
		updatedAt = now;
	}

	private void forgetTokens() {
		accessToken = null;
		refreshToken = null;
		tokenExpiresAt = null;
	}

	void notePause(String message) {
		status = IntegrationStatus.ERROR;
		statusMessage = message;
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

	public UUID id() {
		return id;
	}

	public ChannelType type() {
		return type;
	}

	public IntegrationStatus status() {
		return status;
	}

	public String statusMessage() {
		return statusMessage;
	}

	public ChannelMode mode() {
		return mode;
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

	String sealedAccessToken() {
		return accessToken;
	}

	String sealedRefreshToken() {
		return refreshToken;
	}

	/** Whether the channel's API is reached with stored OAuth tokens. */
	public boolean oauthConnected() {
		return accessToken != null;
	}

	public Instant tokenExpiresAt() {
		return tokenExpiresAt;
	}

	/** The channel's id of the account that consented, once one did. */
	public String connectedAccount() {
		return connectedAccount;
	}

	public Instant connectedAt() {
		return connectedAt;
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

	public SyncOutcome lastSyncStatus() {
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

	/** OAuth tokens as the aggregate holds them: both sealed. */
	record SealedTokens(String accessToken, String refreshToken, Instant expiresAt, String accountId) {

		@Override
		public String toString() {
			return "SealedTokens[expiresAt=" + expiresAt + ", accountId=" + accountId + "]";
		}

	}

	@Override
	public String toString() {
		return "Integration[" + type.path() + ", " + mode + ", " + status + ", secrets hidden]";
	}

}

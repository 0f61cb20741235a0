package io.staysync.integrations.web;

import io.staysync.channels.ChannelMode;
import io.staysync.integrations.SyncInterval;
import io.staysync.integrations.internal.Integration;
import io.staysync.integrations.internal.IntegrationConfiguration;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The configure dialog. Secret fields are never filled from what is stored: left blank,
 * they keep the stored value. Fields of another mode are not sent at all (the page
 * disables them), and keep what is stored too.
 */
public class ConfigureForm {

	@Size(max = 4096)
	private String apiKey;

	@Size(max = 4096)
	private String apiSecret;

	@Size(max = 2048)
	private String webhookUrl;

	private boolean active = true;

	@NotNull
	private ChannelMode mode = ChannelMode.ICAL;

	/**
	 * Required here (the API may leave it out); its range is {@link SyncInterval}'s,
	 * checked on saving.
	 */
	@NotNull(message = "enter how often to sync, in minutes")
	private Integer syncIntervalMinutes = SyncInterval.DEFAULT_MINUTES;

	private boolean generateWebhookSecret;

	static ConfigureForm of(Integration integration) {
		ConfigureForm form = new ConfigureForm();
		form.webhookUrl = integration.webhookUrl();
		form.active = integration.active();
		form.mode = integration.mode();
		form.syncIntervalMinutes = integration.syncIntervalMinutes();
		return form;
	}

	IntegrationConfiguration toConfiguration() {
		return new IntegrationConfiguration(keepIfBlank(apiKey), keepIfBlank(apiSecret),
				generateWebhookSecret ? "generate" : null, webhookUrl == null ? null : webhookUrl.strip(), active, mode,
				syncIntervalMinutes);
	}

	private static String keepIfBlank(String secret) {
		return secret == null || secret.isBlank() ? null : secret.strip();
	}

	public String getApiKey() {
		return null;
	}

	public void setApiKey(String apiKey) {
		this.apiKey = apiKey;
	}

	public String getApiSecret() {
		return null;
	}

	public void setApiSecret(String apiSecret) {
		this.apiSecret = apiSecret;
	}

	public String getWebhookUrl() {
		return webhookUrl;
	}

	public void setWebhookUrl(String webhookUrl) {
		this.webhookUrl = webhookUrl;
	}

	public boolean isActive() {
		return active;
	}

	public void setActive(boolean active) {
		this.active = active;
	}

	public ChannelMode getMode() {
		return mode;
	}

	public void setMode(ChannelMode mode) {
		this.mode = mode;
	}

	public Integer getSyncIntervalMinutes() {
		return syncIntervalMinutes;
	}

	public void setSyncIntervalMinutes(Integer syncIntervalMinutes) {
		this.syncIntervalMinutes = syncIntervalMinutes;
	}

	public boolean isGenerateWebhookSecret() {
		return generateWebhookSecret;
	}

	public void setGenerateWebhookSecret(boolean generateWebhookSecret) {
		this.generateWebhookSecret = generateWebhookSecret;
	}

}

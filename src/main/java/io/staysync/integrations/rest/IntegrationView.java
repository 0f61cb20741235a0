package io.staysync.integrations.rest;

import java.time.Instant;

import io.staysync.channels.ChannelMode;
import io.staysync.channels.ChannelType;
import io.staysync.integrations.IntegrationStatus;
import io.staysync.integrations.SyncOutcome;
import io.staysync.integrations.internal.Integration;

/**
 * An integration as the API shows it: whether each secret is configured and, for a long
 * API key, its last 4 characters, but never a secret itself.
 */
record IntegrationView(ChannelType type, IntegrationStatus status, String statusMessage, ChannelMode mode,
		boolean isActive, boolean apiKeyConfigured, String apiKeyLast4, boolean apiSecretConfigured,
		boolean webhookSecretConfigured, String webhookUrl, Settings settings, Instant lastSyncAt,
		SyncOutcome lastSyncStatus, String lastSyncError, Instant lastTestedAt, Instant createdAt, Instant updatedAt) {

	static IntegrationView of(Integration i) {
		return new IntegrationView(i.type(), i.status(), i.statusMessage(), i.mode(), i.active(), i.apiKeyConfigured(),
				i.apiKeyHint(), i.apiSecretConfigured(), i.webhookSecretConfigured(), i.webhookUrl(),
				new Settings(i.syncIntervalMinutes()), i.lastSyncAt(), i.lastSyncStatus(), i.lastSyncError(),
				i.lastTestedAt(), i.createdAt(), i.updatedAt());
	}

	static IntegrationView notConfigured(ChannelType type) {
		return new IntegrationView(type, IntegrationStatus.NOT_CONFIGURED, null, null, false, false, null, false, false,
				null, null, null, null, null, null, null, null);
	}

	/** Settings of an integration. */
	record Settings(Integer syncIntervalMinutes) {
	}

}

package io.staysync.integrations.internal;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.staysync.channels.ChannelMode;
import io.staysync.channels.ChannelType;
import io.staysync.integrations.IntegrationStatus;
import io.staysync.integrations.SyncInterval;
import io.staysync.integrations.SyncOutcome;
import io.staysync.integrations.internal.Reconfiguration.SealedSecret;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The integration decides its own transitions: what changed, and whether it is untested
 * again.
 */
class IntegrationTests {

	static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

	@Test
	void settingsThatSayNothingAboutTheChannelKeepATestedStatus() {
		Integration integration = tested();

		assertThat(integration.reconfigure(
				new Reconfiguration(ChannelMode.API, null, null, new SealedSecret("sealed-webhook-secret", null),
						"https://pms.example.com/hook", false, new SyncInterval(30)),
				NOW))
			.containsExactly("webhookSecret", "webhookUrl", "syncIntervalMinutes", "isActive");
		assertThat(integration.status()).isEqualTo(IntegrationStatus.CONNECTED);
		assertThat(integration.statusMessage()).isEqualTo("All good.");
		assertThat(integration.syncIntervalMinutes()).isEqualTo(30);
		assertThat(integration.active()).isFalse();
		assertThat(integration.updatedAt()).isEqualTo(NOW);
	}

	@Test
	void newCredentialsOrANewModeAreUntestedAgain() {
		Integration integration = tested();
		assertThat(integration.reconfigure(change(null, new SealedSecret("sealed-key", "3210"), null), NOW))
			.containsExactly("apiKey");
		assertThat(integration.status()).isEqualTo(IntegrationStatus.CONFIGURED);
		assertThat(integration.statusMessage()).isNull();
		assertThat(integration.apiKeyHint()).isEqualTo("3210");

		integration = tested();
		assertThat(integration.reconfigure(change(null, null, new SealedSecret(null, null)), NOW))
			.containsExactly("apiSecret");
		assertThat(integration.status()).isEqualTo(IntegrationStatus.CONFIGURED);
		assertThat(integration.apiSecretConfigured()).isFalse();

		integration = tested();
		assertThat(integration.reconfigure(change(ChannelMode.ICAL, null, null), NOW)).containsExactly("mode");
		assertThat(integration.mode()).isEqualTo(ChannelMode.ICAL);
		assertThat(integration.status()).isEqualTo(IntegrationStatus.CONFIGURED);
	}

	@Test
	void whatIsAlreadyStoredIsNoChange() {
		Integration integration = tested();
		assertThat(integration
			.reconfigure(new Reconfiguration(ChannelMode.API, null, null, null, "  ", true, new SyncInterval(1)), NOW))
			.isEmpty();
		assertThat(integration.status()).isEqualTo(IntegrationStatus.CONNECTED);
		assertThat(integration.webhookUrl()).isNull();
	}

	@Test
	void aSyncThatFailedOrNeverReachedTheChannelLeavesAnError() {
		Integration integration = tested();
		integration.recordSync(NOW, SyncOutcome.PARTIAL, "1 of 2 listings failed.", true);
		assertThat(integration.status()).isEqualTo(IntegrationStatus.CONNECTED);
		assertThat(integration.lastSyncStatus()).isEqualTo(SyncOutcome.PARTIAL);

		integration.recordSync(NOW, SyncOutcome.ERROR, "2 of 2 listings failed.", true);
		assertThat(integration.status()).isEqualTo(IntegrationStatus.ERROR);
		assertThat(integration.statusMessage()).isEqualTo("2 of 2 listings failed.");

		integration = tested();
		integration.recordSync(NOW, SyncOutcome.SUCCESS, null, false);
		assertThat(integration.status()).isEqualTo(IntegrationStatus.ERROR);
	}

	private static Integration tested() {
		Integration integration = Integration.first(ChannelType.AIRBNB, ChannelMode.API, NOW.minusSeconds(3600));
		integration.recordTest(true, "All good.", NOW.minusSeconds(60));
		return integration;
	}

	private static Reconfiguration change(ChannelMode mode, SealedSecret apiKey, SealedSecret apiSecret) {
		return new Reconfiguration(mode, apiKey, apiSecret, null, null, null, null);
	}

}

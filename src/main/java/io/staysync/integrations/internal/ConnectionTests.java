package io.staysync.integrations.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import io.staysync.channels.ChannelConnector;
import io.staysync.channels.ChannelConnectors;
import io.staysync.channels.ChannelCredentials;
import io.staysync.channels.ChannelMode;
import io.staysync.channels.ChannelType;
import io.staysync.channels.ConnectionCheck;
import io.staysync.common.ConflictException;
import io.staysync.common.NotImplementedException;
import io.staysync.security.vault.VaultException;

/**
 * Runs the channel's own connection check through its connector and records the outcome
 * on the integration: connected, or error with the reason. Without a connector for the
 * integration's mode there is nothing honest to report but that.
 */
@Service
public class ConnectionTests {

	private static final Logger log = LoggerFactory.getLogger(ConnectionTests.class);

	private final IntegrationRepository integrations;

	private final ListingMappingRepository mappings;

	private final IntegrationSecrets secrets;

	private final ChannelConnectors connectors;

	private final Clock clock;

	private final IntegrationOutcomes outcomes;

	ConnectionTests(IntegrationRepository integrations, ListingMappingRepository mappings, IntegrationSecrets secrets,
			ChannelConnectors connectors, Clock clock, IntegrationOutcomes outcomes) {
		this.outcomes = outcomes;
		this.integrations = integrations;
		this.mappings = mappings;
		this.secrets = secrets;
		this.connectors = connectors;
		this.clock = clock;
	}

	/**
	 * Not one transaction: the channel is called outside any, and the outcome is then
	 * recorded in a short one of its own.
	 */
	public Tested test(ChannelType type) {
		Integration integration = integrations.findByType(type)
			.orElseThrow(() -> new ConflictException(
					"The " + type.path() + " integration is not configured yet; configure it before testing it."));
		ChannelConnector connector = connectors.find(type, integration.mode())
			.orElseThrow(() -> new NotImplementedException("Testing " + type.path() + " in " + integration.mode()
					+ " mode is not available yet: this version has no " + integration.mode() + " connector for "
					+ type.path() + ". Nothing was checked and the status is unchanged."));
		ConnectionCheck check = check(connector, integration);
		Integration recorded = outcomes.record(integration.id(),
				current -> current.recordTest(check.ok(), check.message(), clock.instant()));
		return new Tested(recorded == null ? integration : recorded, check);
	}

	/**
	 * Tests values a manager has typed but not saved: this mode, and the API key and
	 * secret when given (blank ones fall back to the stored ones), with the stored
	 * listings. Records nothing and stores nothing: the saved setup and its status stay
	 * as they are until the values are saved.
	 */
	public ConnectionCheck testUnsaved(ChannelType type, ChannelMode mode, String apiKey, String apiSecret) {
		Optional<ChannelConnector> connector = connectors.find(type, mode);
		if (connector.isEmpty()) {
			return ConnectionCheck.failed("This version cannot connect to " + type.path() + " in " + mode.json()
					+ " mode yet, so there is nothing to test.", List.of());
		}
		Optional<Integration> stored = integrations.findByType(type);
		ChannelCredentials saved;
		try {
			saved = stored
				.map(integration -> secrets.credentials(integration,
						mappings.findByIntegrationIdOrderByExternalListingId(integration.id())))
				.orElse(null);
		}
		catch (VaultException unreadable) {
			return unreadable(unreadable);
		}
		ChannelCredentials draft = new ChannelCredentials(saved == null ? null : saved.integrationId(), type, mode,
				blank(apiKey) ? (saved == null ? null : saved.apiKey()) : apiKey.strip(),
				blank(apiSecret) ? (saved == null ? null : saved.apiSecret()) : apiSecret.strip(),
				saved == null ? null : saved.webhookSecret(), saved == null ? null : saved.webhookUrl(),
				saved == null ? List.of() : saved.listings());
		return call(connector.get(), draft);
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	private ConnectionCheck check(ChannelConnector connector, Integration integration) {
		ChannelCredentials credentials;
		try {
			credentials = secrets.credentials(integration,
					mappings.findByIntegrationIdOrderByExternalListingId(integration.id()));
		}
		catch (VaultException unreadable) {
			return unreadable(unreadable);
		}
		return call(connector, credentials);
	}

	private static ConnectionCheck unreadable(VaultException unreadable) {
		return ConnectionCheck.failed("The stored credentials cannot be decrypted (" + unreadable.getMessage()
				+ "). Enter them again, or restore the keyring they were saved with.", List.of());
	}

	private ConnectionCheck call(ChannelConnector connector, ChannelCredentials credentials) {
		try {
			return connector.testConnection(credentials);
		}
		catch (RuntimeException connectorBug) {
			log.error("Connector {} failed instead of reporting a failed check", connector.getClass().getSimpleName(),
					connectorBug);
			return ConnectionCheck.failed("The connection check itself failed unexpectedly; see the server log.",
					List.of());
		}
	}

	/** The integration after the test, and what the test found. */
	public record Tested(Integration integration, ConnectionCheck check) {
	}

}

package io.staysync.integrations.internal;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.staysync.audit.AuditLog;
import io.staysync.channels.OAuthTokenStore;
import io.staysync.channels.OAuthTokens;

/**
 * The OAuth tokens of integrations, sealed in their row by the credential vault. A
 * connector reads them for each call and stores renewed ones at once; a revoked
 * authorization forgets them and leaves the integration in error saying to reconnect,
 * with an audit event naming no secret. Writes go through {@link IntegrationOutcomes}: a
 * renewal happens in the middle of a sync and must not be lost to a concurrent change of
 * the integration.
 */
@Component
class IntegrationTokens implements OAuthTokenStore {

	static final String RECONNECT = "The channel no longer accepts Staysync's authorization; an administrator must"
			+ " reconnect the account (Connect on the integration's card).";

	private final IntegrationRepository integrations;

	private final IntegrationSecrets secrets;

	private final IntegrationOutcomes outcomes;

	private final AuditLog audit;

	private final Clock clock;

	IntegrationTokens(IntegrationRepository integrations, IntegrationSecrets secrets, IntegrationOutcomes outcomes,
			AuditLog audit, Clock clock) {
		this.integrations = integrations;
		this.secrets = secrets;
		this.outcomes = outcomes;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<OAuthTokens> tokens(UUID integrationId) {
		return integrations.findById(integrationId).flatMap(secrets::tokens);
	}

	@Override
	public void store(UUID integrationId, OAuthTokens tokens) {
		if (tokens == null || tokens.accessToken() == null || tokens.accessToken().isBlank()) {
			throw new IllegalArgumentException("OAuth tokens without an access token cannot be stored");
		}
		outcomes.record(integrationId, integration -> integration.renewTokens(secrets.sealTokens(integration, tokens)));
	}

	@Override
	public void revoked(UUID integrationId, String message) {
		String why = message == null || message.isBlank() ? RECONNECT : message;
		outcomes.record(integrationId, integration -> {
			boolean hadTokens = integration.oauthConnected();
			integration.revokeTokens(why, clock.instant());
			if (hadTokens) {
				audit.record("integration.authorization_revoked", "integration:" + integration.type().path(),
						Map.of("account", String.valueOf(integration.connectedAccount()), "reason", why));
			}
		});
	}

}

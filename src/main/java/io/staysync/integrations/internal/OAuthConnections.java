package io.staysync.integrations.internal;

import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.staysync.audit.AuditLog;
import io.staysync.channels.ChannelAuthorization;
import io.staysync.channels.ChannelCredentials;
import io.staysync.channels.ChannelType;
import io.staysync.channels.OAuthTokens;
import io.staysync.common.ConflictException;
import io.staysync.common.NotFoundException;
import io.staysync.integrations.IntegrationChanged;
import io.staysync.integrations.internal.OAuthStates.Spent;
import io.staysync.integrations.internal.OAuthStates.Verdict;
import io.staysync.security.vault.VaultException;

/**
 * Connects a channel account by the OAuth 2 authorization-code flow. Starting hands out
 * the channel's consent URL with a state bound to the administrator who asked; the
 * callback spends that state, exchanges the code outside any transaction and stores the
 * tokens sealed. Every refusal is audited and stores nothing. No code, state, token or
 * client secret reaches an audit event, a log line or a message.
 */
@Service
public class OAuthConnections {

	private static final Logger log = LoggerFactory.getLogger(OAuthConnections.class);

	private final List<ChannelAuthorization> authorizations;

	private final IntegrationRepository integrations;

	private final IntegrationSecrets secrets;

	private final IntegrationOutcomes outcomes;

	private final OAuthStates states;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final TransactionTemplate transactions;

	OAuthConnections(List<ChannelAuthorization> authorizations, IntegrationRepository integrations,
			IntegrationSecrets secrets, IntegrationOutcomes outcomes, OAuthStates states, AuditLog audit,
			ApplicationEventPublisher events, Clock clock, PlatformTransactionManager transactionManager) {
		this.authorizations = authorizations;
		this.integrations = integrations;
		this.secrets = secrets;
		this.outcomes = outcomes;
		this.states = states;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/** Whether this channel is connected by OAuth in this version. */
	public boolean supports(ChannelType type) {
		return authorizations.stream().anyMatch(authorization -> authorization.supports(type));
	}

	/**
	 * The channel's consent page for the configured client, with a new state for
	 * {@code user}, coming back to {@code redirectUri}.
	 */
	public URI start(ChannelType type, String user, URI redirectUri) {
		ChannelAuthorization authorization = authorization(type);
		return transactions.execute(status -> {
			Integration integration = integrations.findByType(type)
				.filter(found -> found.apiKeyConfigured() && found.apiSecretConfigured())
				.orElseThrow(() -> new ConflictException("Enter " + label(type)
						+ "'s client id (API key) and client secret in Configure first: the consent page is"
						+ " asked for on behalf of that client."));
			String clientId = client(integration).apiKey();
			String state = states.issue(type, user, redirectUri.toString());
			audit.record("integration.oauth_started", "integration:" + type.path(),
					Map.of("redirectUri", redirectUri.toString()));
			return authorization.authorizeUrl(clientId, redirectUri, state);
		});
	}

	/**
	 * Completes a consent callback for {@code user}.
	 * @return the connected account, as the channel names it
	 * @throws OAuthRefused when it cannot be honoured; nothing was stored
	 */
	public String complete(ChannelType type, String user, Callback callback) {
		ChannelAuthorization authorization = authorization(type);
		Spent spent = transactions.execute(status -> states.spend(type, callback.state()));
		switch (spent.verdict()) {
			case UNKNOWN -> throw refuse(type, "unknown_state", "This consent answer does not belong to a connection"
					+ " started here (its state is unknown). Nothing was connected; press Connect again.");
			case USED -> throw refuse(type, "reused_state", "This consent answer was already used once. Nothing more"
					+ " was connected; press Connect again if the account is not connected.");
			case EXPIRED -> throw refuse(type, "expired_state",
					"This connection was started more than " + OAuthStates.LIFETIME.toMinutes()
							+ " minutes ago and has expired. Nothing was connected; press" + " Connect again.");
			case GOOD -> {
			}
		}
		if (!spent.requestedBy().equals(user)) {
			throw refuse(type, "other_user", "This connection was started by another user, so it cannot be finished"
					+ " from this session. Nothing was connected; the administrator who started it must press Connect"
					+ " again.");
		}
		if (callback.error() != null && !callback.error().isBlank()) {
			boolean denied = callback.error().equals("access_denied");
			throw refuse(type, denied ? "access_denied" : "consent_error",
					denied ? "The " + label(type)
							+ " account holder did not allow Staysync access. Nothing was connected."
							: label(type) + " did not give consent (" + word(callback.error())
									+ "). Nothing was connected; press Connect again.");
		}
		if (callback.code() == null || callback.code().isBlank() || callback.code().length() > 2048) {
			throw refuse(type, "missing_code", label(type)
					+ " sent back no usable authorization code. Nothing was connected; press Connect again.");
		}
		Integration integration = integrations.findByType(type)
			.orElseThrow(() -> refuse(type, "not_configured",
					"The " + label(type) + " integration was removed" + " meanwhile. Nothing was connected."));
		ChannelCredentials client;
		try {
			client = client(integration);
		}
		catch (VaultException unreadable) {
			throw refuse(type, "client_unreadable", "The stored client id and secret cannot be decrypted; enter them"
					+ " again in Configure, then press Connect.");
		}
		if (client.apiKey() == null || client.apiSecret() == null) {
			throw refuse(type, "not_configured", "The client id or secret was removed meanwhile. Nothing was"
					+ " connected; enter them in Configure, then press Connect.");
		}
		OAuthTokens tokens;
		try {
			tokens = authorization.exchange(client.apiKey(), client.apiSecret(), callback.code(),
					URI.create(spent.redirectUri()));
		}
		catch (ChannelAuthorization.AuthorizationFailed refused) {
			throw refuse(type, "exchange_refused", refused.getMessage() + " Nothing was connected.");
		}
		catch (RuntimeException adapterBug) {
			// The type only: an adapter's message might quote what it sent.
			log.error("Exchanging an authorization code of {} failed unexpectedly ({})", type.path(),
					adapterBug.getClass().getName());
			throw refuse(type, "exchange_failed", "The authorization code could not be exchanged (an unexpected"
					+ " error; see the server log). Nothing was connected; press Connect again.");
		}
		if (tokens == null || tokens.accessToken() == null || tokens.accessToken().isBlank()) {
			throw refuse(type, "exchange_refused",
					label(type) + " answered the exchange without an access token. Nothing was connected.");
		}
		Integration connected = outcomes.record(integration.id(), current -> {
			boolean modeChanged = current.mode() != io.staysync.channels.ChannelMode.API;
			current.connect(secrets.sealTokens(current, tokens), clock.instant());
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("account", String.valueOf(tokens.accountId()));
			details.put("tokenExpiresAt", String.valueOf(tokens.expiresAt()));
			if (modeChanged) {
				details.put("mode", "api");
			}
			audit.record("integration.connected", "integration:" + type.path(), details);
			events.publishEvent(new IntegrationChanged(current.id(), type, current.mode(), current.active(),
					current.syncIntervalMinutes()));
		});
		return connected == null ? tokens.accountId() : connected.connectedAccount();
	}

	private ChannelAuthorization authorization(ChannelType type) {
		return authorizations.stream()
			.filter(authorization -> authorization.supports(type))
			.findFirst()
			.orElseThrow(() -> new NotFoundException(
					label(type) + " is not connected by OAuth; configure its credentials instead."));
	}

	private ChannelCredentials client(Integration integration) {
		return secrets.credentials(integration, List.of());
	}

	/** Audits the refusal in a transaction of its own, which commits whatever follows. */
	private OAuthRefused refuse(ChannelType type, String reason, String message) {
		transactions.executeWithoutResult(status -> audit.record("integration.oauth_refused",
				"integration:" + type.path(), Map.of("reason", reason)));
		log.warn("An OAuth callback of {} was refused: {}", type.path(), reason);
		return new OAuthRefused(reason, message);
	}

	/** A channel's error word, kept to what such a word can be. */
	private static String word(String error) {
		String safe = error.replaceAll("[^A-Za-z0-9_.-]", "?");
		return safe.length() > 40 ? safe.substring(0, 40) + "…" : safe;
	}

	static String label(ChannelType type) {
		return switch (type) {
			case AIRBNB -> "Airbnb";
			case BOOKING_COM -> "Booking.com";
			case ICAL -> "iCal";
		};
	}

	/**
	 * What the channel's consent page sent back: a code, or an error; the state either
	 * way. {@link #toString()} hides the code.
	 */
	public record Callback(String code, String state, String error) {

		@Override
		public String toString() {
			return "Callback[code=" + (code == null ? "none" : "[hidden]") + ", error=" + error + "]";
		}

	}

}

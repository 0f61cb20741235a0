package io.staysync.integrations.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.staysync.audit.AuditLog;
import io.staysync.channels.ChannelMode;
import io.staysync.channels.ChannelType;
import io.staysync.common.InvalidInputException;
import io.staysync.common.InvalidInputException.FieldProblem;
import io.staysync.integrations.IntegrationChanged;
import io.staysync.integrations.SyncInterval;
import io.staysync.integrations.internal.Reconfiguration.SealedSecret;
import io.staysync.integrations.WebhookSecret;

/**
 * Configures integrations: checks the request, seals its secrets before they touch the
 * aggregate, lets the aggregate apply it, and records what it says changed. The audit
 * trail names the fields that changed, never their values.
 */
@Service
public class IntegrationManagement {

	static final int MAX_SECRET_BYTES = 4096;

	private final IntegrationRepository integrations;

	private final IntegrationSecrets secrets;

	private final ApplicationEventPublisher events;

	private final AuditLog audit;

	private final Clock clock;

	IntegrationManagement(IntegrationRepository integrations, IntegrationSecrets secrets,
			ApplicationEventPublisher events, AuditLog audit, Clock clock) {
		this.integrations = integrations;
		this.secrets = secrets;
		this.events = events;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Optional<Integration> find(ChannelType type) {
		return integrations.findByType(type);
	}

	@Transactional
	public Configured configure(ChannelType type, IntegrationConfiguration request) {
		check(type, request);
		Instant now = clock.instant();
		Optional<Integration> stored = integrations.findByType(type);
		Integration integration = stored.orElseGet(() -> Integration.first(type,
				request.mode() != null ? request.mode() : defaultMode(type, request), now));
		boolean wasActive = integration.active();
		String generated = IntegrationConfiguration.GENERATE.equals(request.webhookSecret()) ? generateWebhookSecret()
				: null;
		List<String> changed = new ArrayList<>();
		if (stored.isEmpty()) {
			changed.add("created");
		}
		changed.addAll(integration.reconfigure(sealed(integration, request, generated), now));
		integration = integrations.save(integration);
		audit.record("integration.configured", "integration:" + type.path(), Map.of("fields", changed));
		if (integration.active() != wasActive && stored.isPresent()) {
			audit.record(integration.active() ? "integration.activated" : "integration.deactivated",
					"integration:" + type.path(), Map.of());
		}
		events.publishEvent(new IntegrationChanged(integration.id(), type, integration.mode(), integration.active(),
				integration.syncIntervalMinutes()));
		return new Configured(integration, generated);
	}

	/**
	 * The request with its secrets sealed for this integration; an empty secret removes
	 * the stored one.
	 */
	private Reconfiguration sealed(Integration integration, IntegrationConfiguration request, String generated) {
		SealedSecret apiKey = request.apiKey() == null ? null
				: new SealedSecret(seal(integration, "api_key", request.apiKey()), hint(request.apiKey()));
		SealedSecret apiSecret = request.apiSecret() == null ? null
				: new SealedSecret(seal(integration, "api_secret", request.apiSecret()), null);
		String webhookSecret = generated != null ? generated : request.webhookSecret();
		SealedSecret sealedWebhookSecret = webhookSecret == null ? null
				: new SealedSecret(seal(integration, "webhook_secret", webhookSecret), null);
		SyncInterval interval = request.syncIntervalMinutes() == null ? null
				: new SyncInterval(request.syncIntervalMinutes());
		return new Reconfiguration(request.mode(), apiKey, apiSecret, sealedWebhookSecret, request.webhookUrl(),
				request.active(), interval);
	}

	private String seal(Integration integration, String column, String secret) {
		return secret.isEmpty() ? null : secrets.seal(integration, column, secret);
	}

	/**
	 * API mode when API credentials come with the first configure of a channel that has
	 * an API.
	 */
	private static ChannelMode defaultMode(ChannelType type, IntegrationConfiguration request) {
		boolean credentials = (request.apiKey() != null && !request.apiKey().isEmpty())
				|| (request.apiSecret() != null && !request.apiSecret().isEmpty());
		return credentials && type.supports(ChannelMode.API) ? ChannelMode.API : ChannelMode.ICAL;
	}

	/**
	 * The last 4 characters, and only of a key long enough that they give nothing away.
	 */
	private static String hint(String apiKey) {
		return apiKey.length() >= 16 ? apiKey.substring(apiKey.length() - 4) : null;
	}

	/** A Standard Webhooks secret: {@code whsec_} and base64 of 24 random bytes. */
	private String generateWebhookSecret() {
		return WebhookSecret.generate();
	}

	/**
	 * Empty removes the secret and {@code generate} makes one; anything else must be a
	 * usable secret.
	 */
	private static void checkWebhookSecret(String value, List<FieldProblem> problems) {
		if (value != null && !value.isBlank() && !value.equals(IntegrationConfiguration.GENERATE)) {
			WebhookSecret.problem(value).ifPresent(problem -> problems.add(new FieldProblem("webhookSecret", problem)));
		}
	}

	private static void check(ChannelType type, IntegrationConfiguration request) {
		List<FieldProblem> problems = new ArrayList<>();
		if (request.mode() != null && !type.supports(request.mode())) {
			problems.add(new FieldProblem("mode", type.path() + " supports only " + type.modes()));
		}
		checkSecret("apiKey", request.apiKey(), problems);
		checkSecret("apiSecret", request.apiSecret(), problems);
		checkSecret("webhookSecret", request.webhookSecret(), problems);
		checkWebhookSecret(request.webhookSecret(), problems);
		if (request.webhookUrl() != null && !request.webhookUrl().isBlank()
				&& !WebhookUrls.acceptable(request.webhookUrl())) {
			problems.add(new FieldProblem("webhookUrl", "must be an https URL (http only for localhost)"));
		}
		if (request.syncIntervalMinutes() != null) {
			SyncInterval.problem(request.syncIntervalMinutes())
				.ifPresent(problem -> problems.add(new FieldProblem("settings.syncIntervalMinutes", problem)));
		}
		if (!problems.isEmpty()) {
			throw InvalidInputException.of(problems);
		}
	}

	private static void checkSecret(String field, String value, List<FieldProblem> problems) {
		if (value != null && value.getBytes(StandardCharsets.UTF_8).length > MAX_SECRET_BYTES) {
			problems.add(new FieldProblem(field, "must be at most 4 KB"));
		}
		if (value != null && !value.isEmpty() && value.isBlank()) {
			problems.add(new FieldProblem(field, "must not be blank (send \"\" to remove it)"));
		}
	}

	/**
	 * The outcome of configure; {@code generatedWebhookSecret} is shown in this one
	 * response only.
	 */
	public record Configured(Integration integration, String generatedWebhookSecret) {

		@Override
		public String toString() {
			return "Configured[" + integration + "]";
		}

	}

}

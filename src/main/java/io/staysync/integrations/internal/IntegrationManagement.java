package io.staysync.integrations.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
import io.staysync.integrations.WebhookSecret;

/**
 * Configures integrations. Secrets are sealed before they touch the aggregate; the audit
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
		return integrations.findByType(type.path());
	}

	@Transactional
	public Configured configure(ChannelType type, IntegrationConfiguration request) {
		check(type, request);
		Instant now = clock.instant();
		Optional<Integration> stored = integrations.findByType(type.path());
		ChannelMode mode = request.mode() != null ? request.mode()
				: stored.map(Integration::mode).orElse(defaultMode(type, request));
		Integration integration = stored.orElseGet(() -> Integration.first(type, mode, now));
		boolean wasActive = stored.map(Integration::active).orElse(false);
		List<String> changed = new ArrayList<>();
		if (stored.isEmpty()) {
			changed.add("created");
		}
		if (stored.isPresent() && mode != integration.mode()) {
			integration.changeMode(mode);
			changed.add("mode");
		}
		String generated = applySecrets(integration, request, changed);
		String webhookUrl = request.webhookUrl() == null || request.webhookUrl().isBlank() ? null : request.webhookUrl();
		if (request.webhookUrl() != null && !Objects.equals(webhookUrl, integration.webhookUrl())) {
			integration.changeWebhookUrl(webhookUrl);
			changed.add("webhookUrl");
		}
		if (request.syncIntervalMinutes() != null && request.syncIntervalMinutes() != integration.syncIntervalMinutes()) {
			integration.changeSyncInterval(request.syncIntervalMinutes());
			changed.add("syncIntervalMinutes");
		}
		if (request.active() != null && request.active() != integration.active()) {
			integration.setActive(request.active());
			changed.add("isActive");
		}
		if (changed.contains("created") || changed.contains("mode") || changed.stream().anyMatch(f -> f.startsWith("api"))) {
			integration.markConfigured(now);
		}
		integration.touch(now);
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

	private String applySecrets(Integration integration, IntegrationConfiguration request, List<String> changed) {
		if (request.apiKey() != null) {
			integration.sealApiKey(request.apiKey().isEmpty() ? null : secrets.seal(integration, "api_key", request.apiKey()),
					hint(request.apiKey()));
			changed.add("apiKey");
		}
		if (request.apiSecret() != null) {
			integration.sealApiSecret(
					request.apiSecret().isEmpty() ? null : secrets.seal(integration, "api_secret", request.apiSecret()));
			changed.add("apiSecret");
		}
		String generated = null;
		if (request.webhookSecret() != null) {
			String secret = request.webhookSecret();
			if (secret.equals(IntegrationConfiguration.GENERATE)) {
				generated = generateWebhookSecret();
				secret = generated;
			}
			integration.sealWebhookSecret(secret.isEmpty() ? null : secrets.seal(integration, "webhook_secret", secret));
			changed.add("webhookSecret");
		}
		return generated;
	}

	/** API mode when API credentials come with the first configure of a channel that has an API. */
	private static ChannelMode defaultMode(ChannelType type, IntegrationConfiguration request) {
		boolean credentials = (request.apiKey() != null && !request.apiKey().isEmpty())
				|| (request.apiSecret() != null && !request.apiSecret().isEmpty());
		return credentials && type.supports(ChannelMode.API) ? ChannelMode.API : ChannelMode.ICAL;
	}

	/** The last 4 characters, and only of a key long enough that they give nothing away. */
	private static String hint(String apiKey) {
		return apiKey.length() >= 16 ? apiKey.substring(apiKey.length() - 4) : null;
	}

	/** A Standard Webhooks secret: {@code whsec_} and base64 of 24 random bytes. */
	private String generateWebhookSecret() {
		return WebhookSecret.generate();
	}

	/** Empty removes the secret and {@code generate} makes one; anything else must be a usable secret. */
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
		if (request.webhookUrl() != null && !request.webhookUrl().isBlank() && !WebhookUrls.acceptable(request.webhookUrl())) {
			problems.add(new FieldProblem("webhookUrl", "must be an https URL (http only for localhost)"));
		}
		if (request.syncIntervalMinutes() != null
				&& (request.syncIntervalMinutes() < 1 || request.syncIntervalMinutes() > 1440)) {
			problems.add(new FieldProblem("settings.syncIntervalMinutes", "must be between 1 minute and 24 hours (1440)"));
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

	/** The outcome of configure; {@code generatedWebhookSecret} is shown in this one response only. */
	public record Configured(Integration integration, String generatedWebhookSecret) {

		@Override
		public String toString() {
			return "Configured[" + integration + "]";
		}

	}

}

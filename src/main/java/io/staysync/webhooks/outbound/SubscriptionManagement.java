package io.staysync.webhooks.outbound;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.staysync.audit.AuditLog;
import io.staysync.common.InvalidInputException;
import io.staysync.common.InvalidInputException.FieldProblem;
import io.staysync.common.NotFoundException;
import io.staysync.common.http.FetchException;
import io.staysync.common.http.GuardedHttpClient;

/**
 * Creates, changes, rotates and removes webhook subscriptions (administrators only, at
 * the controllers). A target must be reachable under the guarded client's address rules
 * when it is saved; the secret is shown once, in the answer to create and rotate. Every
 * change is audited, without the secret or the URL's path and query.
 */
@Service
@Transactional
public class SubscriptionManagement {

	static final int MAX_URL = 2048;

	static final int MAX_DESCRIPTION = 500;

	private final WebhookSubscriptions subscriptions;

	private final SubscriptionSecrets secrets;

	private final GuardedHttpClient http;

	private final AuditLog audit;

	private final OutboundWebhookSettings settings;

	private final Clock clock;

	SubscriptionManagement(WebhookSubscriptions subscriptions, SubscriptionSecrets secrets,
			@Qualifier(WebhookHttp.CLIENT) GuardedHttpClient http, AuditLog audit, OutboundWebhookSettings settings,
			Clock clock) {
		this.subscriptions = subscriptions;
		this.secrets = secrets;
		this.http = http;
		this.audit = audit;
		this.settings = settings;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<WebhookSubscription> list() {
		return subscriptions.findAll();
	}

	@Transactional(readOnly = true)
	public WebhookSubscription get(UUID id) {
		return subscriptions.find(id).orElseThrow(() -> NotFoundException.of("Webhook subscription", id));
	}

	public WithSecret create(SubscriptionRequest request) {
		List<FieldProblem> problems = new ArrayList<>();
		if (request.targetUrl() == null || request.targetUrl().isBlank()) {
			problems.add(new FieldProblem("targetUrl", "is required"));
		}
		if (request.eventTypes() == null || request.eventTypes().isEmpty()) {
			problems.add(new FieldProblem("eventTypes", "name at least one event type, or * for all"));
		}
		URI url = checkedUrl(request.targetUrl(), problems);
		List<String> types = checkedTypes(request.eventTypes(), problems);
		String description = checkedDescription(request.description(), problems);
		refuseIfAny(problems);
		UUID id = UUID.randomUUID();
		String secret = SubscriptionSecrets.generate();
		Instant now = clock.instant();
		WebhookSubscription created = new WebhookSubscription(id, url, types, description,
				request.active() == null || request.active(), secrets.seal(secret, id, SubscriptionSecrets.SECRET),
				SubscriptionSecrets.hint(secret), null, null, null, null, now, now);
		subscriptions.insert(created);
		audit.record("webhook.subscription.created", target(created), details(created));
		return new WithSecret(created, secret);
	}

	public WebhookSubscription update(UUID id, SubscriptionRequest request) {
		WebhookSubscription current = get(id);
		List<FieldProblem> problems = new ArrayList<>();
		URI url = request.targetUrl() == null ? current.targetUrl() : checkedUrl(request.targetUrl(), problems);
		List<String> types = request.eventTypes() == null ? current.eventTypes()
				: checkedTypes(request.eventTypes(), problems);
		if (request.eventTypes() != null && request.eventTypes().isEmpty()) {
			problems.add(new FieldProblem("eventTypes", "name at least one event type, or * for all"));
		}
		String description = request.description() == null ? current.description()
				: checkedDescription(request.description(), problems);
		refuseIfAny(problems);
		boolean active = request.active() == null ? current.active() : request.active();
		boolean reactivated = active && !current.active();
		WebhookSubscription updated = new WebhookSubscription(id, url, types, description, active,
				current.sealedSecret(), current.secretHint(), current.sealedPreviousSecret(),
				current.previousSecretUntil(), reactivated ? null : current.failingSince(),
				active ? null : current.disabledReason(), current.createdAt(), clock.instant());
		subscriptions.update(updated);
		audit.record("webhook.subscription.updated", target(updated), details(updated));
		return updated;
	}

	/**
	 * A new secret; the one it replaces keeps signing, beside it, for the overlap that
	 * {@code staysync.webhooks.outbound.rotation-overlap} sets.
	 */
	public WithSecret rotate(UUID id) {
		WebhookSubscription current = get(id);
		String secret = SubscriptionSecrets.generate();
		Instant now = clock.instant();
		String previous = secrets.seal(secrets.signingSecrets(current, now).get(0), id,
				SubscriptionSecrets.PREVIOUS_SECRET);
		WebhookSubscription rotated = new WebhookSubscription(id, current.targetUrl(), current.eventTypes(),
				current.description(), current.active(), secrets.seal(secret, id, SubscriptionSecrets.SECRET),
				SubscriptionSecrets.hint(secret), previous, now.plus(settings.rotationOverlap()),
				current.failingSince(), current.disabledReason(), current.createdAt(), now);
		subscriptions.update(rotated);
		audit.record("webhook.subscription.secret_rotated", target(rotated),
				Map.of("overlapUntil", rotated.previousSecretUntil().toString()));
		return new WithSecret(rotated, secret);
	}

	public void delete(UUID id) {
		WebhookSubscription current = get(id);
		subscriptions.delete(id);
		audit.record("webhook.subscription.deleted", target(current), Map.of("host", current.targetUrl().getHost()));
	}

	private URI checkedUrl(String text, List<FieldProblem> problems) {
		if (text == null || text.isBlank()) {
			return null;
		}
		if (text.length() > MAX_URL) {
			problems.add(new FieldProblem("targetUrl", "must be at most " + MAX_URL + " characters"));
			return null;
		}
		URI url;
		try {
			url = new URI(text.strip());
		}
		catch (URISyntaxException malformed) {
			problems.add(new FieldProblem("targetUrl", "is not a valid URL"));
			return null;
		}
		if (url.getRawFragment() != null) {
			problems.add(new FieldProblem("targetUrl", "must not contain a #fragment"));
			return null;
		}
		try {
			http.checkTarget(url);
		}
		catch (FetchException refused) {
			problems.add(new FieldProblem("targetUrl", refused.getMessage()));
		}
		return url;
	}

	private static List<String> checkedTypes(List<String> requested, List<FieldProblem> problems) {
		if (requested == null) {
			return List.of();
		}
		List<String> types = new ArrayList<>();
		for (String name : requested) {
			String type = name == null ? "" : name.strip();
			if (type.equals(EventType.ALL)) {
				return List.of(EventType.ALL);
			}
			if (EventType.subscribable(type).isEmpty()) {
				problems.add(new FieldProblem("eventTypes",
						"unknown event type '" + abbreviated(type)
								+ "'; use booking.created, booking.updated, booking.cancelled, conflict.detected, "
								+ "conflict.resolved, sync.failed, integration.status_changed or *"));
			}
			else if (!types.contains(type)) {
				types.add(type);
			}
		}
		return types;
	}

	private static String checkedDescription(String description, List<FieldProblem> problems) {
		if (description == null || description.isBlank()) {
			return null;
		}
		if (description.length() > MAX_DESCRIPTION) {
			problems.add(new FieldProblem("description", "must be at most " + MAX_DESCRIPTION + " characters"));
		}
		return description.strip();
	}

	private static String abbreviated(String text) {
		return text.length() > 40 ? text.substring(0, 40) + "…" : text;
	}

	private static void refuseIfAny(List<FieldProblem> problems) {
		if (!problems.isEmpty()) {
			throw InvalidInputException.of(problems);
		}
	}

	static String target(WebhookSubscription subscription) {
		return "webhook-subscription:" + subscription.id();
	}

	private static Map<String, Object> details(WebhookSubscription subscription) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("host", subscription.targetUrl().getHost());
		details.put("eventTypes", subscription.eventTypes());
		details.put("active", subscription.active());
		return details;
	}

	/** A subscription with its secret in plain text: shown once, never stored so. */
	public record WithSecret(WebhookSubscription subscription, String secret) {

		@Override
		public String toString() {
			return "WithSecret[" + subscription + ", secret hidden]";
		}

	}

}

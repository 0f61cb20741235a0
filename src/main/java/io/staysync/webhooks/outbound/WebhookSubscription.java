package io.staysync.webhooks.outbound;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A URL that receives the events it subscribed to, signed with its secret. The secrets
 * are sealed by the credential vault; {@code sealedPreviousSecret} is the one replaced by
 * the last rotation, still signing until {@code previousSecretUntil}.
 *
 * @param eventTypes the wire names subscribed to, or only {@link EventType#ALL}
 * @param secretHint the last four characters of the current secret, to tell secrets apart
 * @param failingSince the first failed attempt since the last delivered one, or null
 * @param disabledReason why Staysync switched the subscription off, or null
 */
public record WebhookSubscription(UUID id, URI targetUrl, List<String> eventTypes, String description, boolean active,
		String sealedSecret, String secretHint, String sealedPreviousSecret, Instant previousSecretUntil,
		Instant failingSince, String disabledReason, Instant createdAt, Instant updatedAt) {

	boolean wants(EventType type) {
		return eventTypes.contains(EventType.ALL) || eventTypes.contains(type.wireName());
	}

	/** Whether a rotated-out secret still signs deliveries at {@code now}. */
	boolean inRotation(Instant now) {
		return sealedPreviousSecret != null && previousSecretUntil != null && now.isBefore(previousSecretUntil);
	}

	/** Leaves out the secrets and the URL's path and query, which may carry a token. */
	@Override
	public String toString() {
		return "WebhookSubscription[" + id + " " + targetUrl.getHost() + " " + eventTypes + "]";
	}

}

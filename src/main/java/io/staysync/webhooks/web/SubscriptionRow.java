package io.staysync.webhooks.web;

import java.net.URI;
import java.util.UUID;

import io.staysync.webhooks.outbound.WebhookSubscription;

/**
 * A subscription as the pages show it: the URL without its query (which may carry a
 * token), the host alone for headings, and no secret but its last four characters.
 */
record SubscriptionRow(UUID id, String url, String host, String description, String eventTypes, boolean active,
		boolean failing, String disabledReason, String secretHint) {

	static SubscriptionRow of(WebhookSubscription s) {
		URI target = s.targetUrl();
		String path = target.getRawPath() == null ? "" : target.getRawPath();
		return new SubscriptionRow(s.id(), target.getScheme() + "://" + target.getRawAuthority() + path,
				target.getHost(), s.description(), String.join(", ", s.eventTypes()), s.active(),
				s.failingSince() != null, s.disabledReason(), s.secretHint());
	}

}

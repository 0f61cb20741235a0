package io.staysync.webhooks.outbound;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One announcement, before it is addressed to subscriptions: its {@code webhook-id}, its
 * type, when it happened and its data. The body receivers get is {@code {"type",
 * "timestamp", "data"}} (docs/webhooks.md).
 */
record WebhookMessage(String id, EventType type, Instant timestamp, Map<String, Object> data) {

	static WebhookMessage of(EventType type, Instant timestamp, Map<String, Object> data) {
		return new WebhookMessage(newId(), type, timestamp, data);
	}

	/**
	 * {@code msg_} and 32 hex digits: no dot (it is part of the signed content), unique,
	 * not chosen by any user.
	 */
	static String newId() {
		return "msg_" + UUID.randomUUID().toString().replace("-", "");
	}

	Map<String, Object> body() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", type.wireName());
		body.put("timestamp", timestamp.toString());
		body.put("data", data);
		return body;
	}

}

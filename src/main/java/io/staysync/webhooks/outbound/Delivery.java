package io.staysync.webhooks.outbound;

import java.time.Instant;
import java.util.UUID;

/**
 * One message addressed to one subscription: a row of the outbox and of the delivery log.
 *
 * @param messageId the {@code webhook-id}, the same on every attempt and resend
 * @param payload the JSON body, or null once the retention period has cleared it
 * @param status {@code pending}, {@code delivered} or {@code failed}
 * @param responseStatus the HTTP status of the last answer, or null when none came
 * @param latencyMillis how long the last attempt took
 * @param lastError why the last attempt failed, in words an administrator reads
 */
public record Delivery(UUID id, UUID subscriptionId, String messageId, String eventType, String payload, String status,
		int attempts, Instant createdAt, Instant retryFrom, Instant nextAttemptAt, Instant lastAttemptAt,
		Integer responseStatus, Long latencyMillis, String lastError, Instant deliveredAt) {

	static final String PENDING = "pending";

	static final String DELIVERED = "delivered";

	static final String FAILED = "failed";

}

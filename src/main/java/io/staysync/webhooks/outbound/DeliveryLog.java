package io.staysync.webhooks.outbound;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.staysync.audit.AuditLog;
import io.staysync.common.ConflictException;
import io.staysync.common.NotFoundException;
import io.staysync.common.PageResponse;

/**
 * The deliveries of a subscription, newest first, and the two things an administrator
 * does with them: send one again (same {@code webhook-id}, same body) and send a test
 * event.
 */
@Service
@Transactional
public class DeliveryLog {

	static final int MAX_PAGE_SIZE = 100;

	private final DeliveryOutbox outbox;

	private final SubscriptionManagement subscriptions;

	private final AuditLog audit;

	private final Clock clock;

	private final DeliveryPump pump;

	DeliveryLog(DeliveryOutbox outbox, SubscriptionManagement subscriptions, AuditLog audit, Clock clock,
			DeliveryPump pump) {
		this.outbox = outbox;
		this.pump = pump;
		this.subscriptions = subscriptions;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public PageResponse<Delivery> page(UUID subscriptionId, int page, int size) {
		subscriptions.get(subscriptionId);
		int pageSize = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
		int pageNumber = Math.max(0, page);
		long total = outbox.count(subscriptionId);
		return new PageResponse<>(outbox.page(subscriptionId, pageNumber, pageSize), pageNumber, pageSize, total,
				(int) ((total + pageSize - 1) / pageSize));
	}

	@Transactional(readOnly = true)
	public Delivery get(UUID subscriptionId, UUID deliveryId) {
		return outbox.find(deliveryId)
			.filter(delivery -> delivery.subscriptionId().equals(subscriptionId))
			.orElseThrow(() -> NotFoundException.of("Webhook delivery", deliveryId));
	}

	public Delivery resend(UUID subscriptionId, UUID deliveryId) {
		Delivery delivery = get(subscriptionId, deliveryId);
		if (!outbox.resend(subscriptionId, deliveryId)) {
			throw new ConflictException(
					delivery.payload() == null ? "This delivery's body is no longer kept, so it cannot be sent again."
							: "This delivery is still being sent; wait for its outcome.");
		}
		audit.record("webhook.delivery.resent", SubscriptionManagement.target(subscriptions.get(subscriptionId)),
				Map.of("messageId", delivery.messageId()));
		wakeAfterCommit();
		return get(subscriptionId, deliveryId);
	}

	/**
	 * A {@code webhook.test} message for this subscription only, sent at the next poll.
	 */
	public Delivery sendTest(UUID subscriptionId) {
		WebhookSubscription subscription = subscriptions.get(subscriptionId);
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("subscriptionId", subscriptionId.toString());
		data.put("message", "This is a test event sent from Staysync.");
		Delivery delivery = outbox.enqueue(subscriptionId, WebhookMessage.of(EventType.TEST, clock.instant(), data));
		audit.record("webhook.test_sent", SubscriptionManagement.target(subscription),
				Map.of("messageId", delivery.messageId()));
		wakeAfterCommit();
		return delivery;
	}

	private void wakeAfterCommit() {
		org.springframework.transaction.support.TransactionSynchronizationManager
			.registerSynchronization(new org.springframework.transaction.support.TransactionSynchronization() {
				@Override
				public void afterCommit() {
					pump.wake();
				}
			});
	}

}

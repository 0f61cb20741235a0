package io.staysync.webhooks.outbound;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.staysync.audit.AuditLog;
import io.staysync.webhooks.outbound.DeliveryAttempt.Verdict;

/**
 * Sends the deliveries that are due: claims a batch (committed before anything is sent,
 * so several instances never hold the same delivery), makes one attempt at each, and
 * records what came of it: delivered; retried later with jitter (honouring
 * {@code Retry-After}) until the retry window ends; failed. A 410, or a subscription
 * whose every attempt has failed for {@code disable-after}, switches the subscription
 * off.
 */
@Component
class DeliveryPoller {

	private static final Logger log = LoggerFactory.getLogger(DeliveryPoller.class);

	static final int MOST_BATCHES = 50;

	private final DeliveryOutbox outbox;

	private final WebhookSubscriptions subscriptions;

	private final DeliverySender sender;

	private final OutboundWebhookSettings settings;

	private final AuditLog audit;

	private final TransactionTemplate transactions;

	private final Clock clock;

	DeliveryPoller(DeliveryOutbox outbox, WebhookSubscriptions subscriptions, DeliverySender sender,
			OutboundWebhookSettings settings, AuditLog audit, PlatformTransactionManager transactionManager,
			Clock clock) {
		this.outbox = outbox;
		this.subscriptions = subscriptions;
		this.sender = sender;
		this.settings = settings;
		this.audit = audit;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
	}

	/**
	 * Sends due batches until a batch comes back short (or {@value #MOST_BATCHES} batches
	 * were sent): a delivery retried at once is left to the next poll, so one receiver
	 * that keeps asking for an immediate retry cannot hold the poller.
	 * @return how many attempts were made
	 */
	int drain() {
		int attempts = 0;
		for (int batch = 0; batch < MOST_BATCHES; batch++) {
			List<Delivery> claimed = transactions
				.execute(status -> outbox.claim(settings.batchSize(), settings.lease()));
			if (claimed == null || claimed.isEmpty()) {
				return attempts;
			}
			Map<UUID, Optional<WebhookSubscription>> seen = new HashMap<>();
			for (Delivery delivery : claimed) {
				Optional<WebhookSubscription> subscription = seen.computeIfAbsent(delivery.subscriptionId(),
						subscriptions::find);
				attempt(delivery, subscription.filter(WebhookSubscription::active));
				attempts++;
			}
			if (claimed.size() < settings.batchSize()) {
				return attempts;
			}
		}
		return attempts;
	}

	private void attempt(Delivery delivery, Optional<WebhookSubscription> subscription) {
		if (subscription.isEmpty()) {
			outbox.record(delivery, Delivery.FAILED, null, 0, "The subscription is switched off.", null);
			return;
		}
		if (delivery.payload() == null) {
			outbox.record(delivery, Delivery.FAILED, null, 0, "The body is no longer kept.", null);
			return;
		}
		DeliveryAttempt attempt;
		try {
			attempt = sender.send(subscription.get(), delivery);
		}
		catch (RuntimeException unexpected) {
			// A secret the vault cannot open (a keyring without its key) must not stop
			// the
			// other deliveries.
			log.warn("Webhook delivery {} could not be attempted: {}", delivery.id(), unexpected.getClass().getName());
			attempt = new DeliveryAttempt(Verdict.RETRY, null, 0,
					"Staysync could not sign or send the delivery; see the server log.", null);
		}
		record(subscription.get(), delivery, attempt);
	}

	private void record(WebhookSubscription subscription, Delivery delivery, DeliveryAttempt attempt) {
		Instant now = clock.instant();
		switch (attempt.verdict()) {
			case DELIVERED -> {
				outbox.record(delivery, Delivery.DELIVERED, attempt.responseStatus(), attempt.latencyMillis(), null,
						null);
				subscriptions.noteSuccess(subscription.id());
			}
			case GONE -> {
				outbox.record(delivery, Delivery.FAILED, attempt.responseStatus(), attempt.latencyMillis(),
						attempt.error(), null);
				disable(subscription, "The receiver answered 410 Gone: it no longer accepts deliveries.");
			}
			case RETRY -> {
				Instant next = RetrySchedule.of(settings)
					.next(delivery.attempts(), delivery.retryFrom(), now, attempt.retryAfter());
				String error = next == null ? attempt.error() + " Given up after " + delivery.attempts() + " attempts."
						: attempt.error();
				outbox.record(delivery, next == null ? Delivery.FAILED : Delivery.PENDING, attempt.responseStatus(),
						attempt.latencyMillis(), error, next);
				failed(subscription, now);
			}
			case FAILED -> {
				outbox.record(delivery, Delivery.FAILED, attempt.responseStatus(), attempt.latencyMillis(),
						attempt.error(), null);
				failed(subscription, now);
			}
		}
	}

	private void failed(WebhookSubscription subscription, Instant now) {
		subscriptions.noteFailure(subscription.id(), now);
		Instant since = subscriptions.find(subscription.id()).map(WebhookSubscription::failingSince).orElse(null);
		if (since != null && !since.plus(settings.disableAfter()).isAfter(now)) {
			disable(subscription, "Every delivery has failed since " + since + ".");
		}
	}

	private void disable(WebhookSubscription subscription, String reason) {
		transactions.executeWithoutResult(status -> {
			if (subscriptions.disable(subscription.id(), reason, clock.instant())) {
				outbox.failPending(subscription.id(), "Not sent: the subscription was switched off. " + reason);
				audit.recordAs("system", "webhook.subscription.disabled", SubscriptionManagement.target(subscription),
						Map.of("reason", reason));
				log.warn("Webhook subscription {} to {} switched off: {}", subscription.id(),
						subscription.targetUrl().getHost(), reason);
			}
		});
	}

}

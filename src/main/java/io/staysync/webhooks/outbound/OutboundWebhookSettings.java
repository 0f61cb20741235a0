package io.staysync.webhooks.outbound;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Outbound webhook deliveries, bound from {@code staysync.webhooks.outbound.*}.
 *
 * @param sendingEnabled whether this instance sends due deliveries; one set to
 * {@code false} still writes them for the others
 * @param pollInterval how often each instance looks for due deliveries (besides at once
 * after a change it committed)
 * @param batchSize how many due deliveries one poll claims and sends
 * @param timeout the longest a receiver may take to answer one delivery (connection,
 * request and answer together); a slower answer is a failed attempt
 * @param retryBase the ceiling of the first jittered wait before a retry, doubled on each
 * further attempt
 * @param retryCap the longest wait between two attempts, also for a receiver's
 * Retry-After
 * @param retryFor how long after its first attempt a delivery is retried before it is
 * given up
 * @param disableAfter how long a subscription may fail every attempt before it is
 * switched off (the dashboard shows it)
 * @param rotationOverlap how long a rotated-out secret keeps signing deliveries beside
 * the new one
 * @param bodyRetention how long the body of a delivery is kept in the delivery log
 * @param logRetention how long a finished delivery stays in the delivery log
 */
@ConfigurationProperties("staysync.webhooks.outbound")
public record OutboundWebhookSettings(@DefaultValue("true") boolean sendingEnabled,
		@DefaultValue("1s") Duration pollInterval, @DefaultValue("20") int batchSize,
		@DefaultValue("10s") Duration timeout, @DefaultValue("30s") Duration retryBase,
		@DefaultValue("1h") Duration retryCap, @DefaultValue("24h") Duration retryFor,
		@DefaultValue("24h") Duration disableAfter, @DefaultValue("24h") Duration rotationOverlap,
		@DefaultValue("7d") Duration bodyRetention, @DefaultValue("30d") Duration logRetention) {

	public OutboundWebhookSettings {
		requirePositive(pollInterval, "poll-interval");
		requirePositive(timeout, "timeout");
		requirePositive(retryBase, "retry-base");
		requirePositive(retryCap, "retry-cap");
		requirePositive(retryFor, "retry-for");
		requirePositive(disableAfter, "disable-after");
		requirePositive(bodyRetention, "body-retention");
		requirePositive(logRetention, "log-retention");
		if (rotationOverlap == null || rotationOverlap.isNegative()) {
			throw new IllegalArgumentException("staysync.webhooks.outbound.rotation-overlap must not be negative");
		}
		if (batchSize < 1 || batchSize > 1000) {
			throw new IllegalArgumentException("staysync.webhooks.outbound.batch-size must be between 1 and 1000");
		}
	}

	/**
	 * How long a claimed delivery is reserved for the instance that claimed it: the whole
	 * batch sent one after the other at the longest, and a minute more. A crashed
	 * instance's deliveries are due again after it.
	 */
	Duration lease() {
		return timeout.plusSeconds(2).multipliedBy(batchSize).plusMinutes(1);
	}

	private static void requirePositive(Duration duration, String name) {
		if (duration == null || duration.isNegative() || duration.isZero()) {
			throw new IllegalArgumentException("staysync.webhooks.outbound." + name + " must be a positive duration");
		}
	}

}

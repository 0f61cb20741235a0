package io.staysync.webhooks.outbound;

import java.time.Duration;

/**
 * What one attempt to deliver came to.
 *
 * @param verdict what to do next
 * @param responseStatus the receiver's HTTP status, or null when it gave none
 * @param latencyMillis from the start of the request to the end of the answer (or the
 * failure)
 * @param error why it failed, for the delivery log; null when delivered
 * @param retryAfter what the receiver asked to wait, or null
 */
record DeliveryAttempt(Verdict verdict, Integer responseStatus, long latencyMillis, String error, Duration retryAfter) {

	enum Verdict {

		/** A 2xx. */
		DELIVERED,
		/** 429, 5xx, a time-out or no connection: tried again later. */
		RETRY,
		/** 410: the receiver is gone for good; the subscription is switched off. */
		GONE,
		/**
		 * A redirect, another 4xx, or a target now refused by the address rules: failed
		 * without a retry (a resend from the log tries again).
		 */
		FAILED

	}

}

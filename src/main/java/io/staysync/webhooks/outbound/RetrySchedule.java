package io.staysync.webhooks.outbound;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When a failed delivery is tried again: after a full-jitter exponential wait (a random
 * time up to {@code base × 2^(attempt-1)}, never above {@code cap}), or after the
 * receiver's {@code Retry-After} (also capped), until {@code window} after the first
 * attempt; then never. Not {@link io.staysync.common.http.Backoff}: that one spends a
 * budget of total waiting for a call in progress and gives up as soon as one drawn wait
 * would overrun it, where a delivery is retried on a calendar over about a day with each
 * wait capped.
 */
record RetrySchedule(Duration base, Duration cap, Duration window) {

	static RetrySchedule of(OutboundWebhookSettings settings) {
		return new RetrySchedule(settings.retryBase(), settings.retryCap(), settings.retryFor());
	}

	/**
	 * @param attempt the attempt that just failed, from 1
	 * @param retryFrom when the delivery was first tried (or resent)
	 * @param retryAfter what the receiver asked for, or null
	 * @return when to try again, or null to give up
	 */
	Instant next(int attempt, Instant retryFrom, Instant now, Duration retryAfter) {
		Duration wait;
		if (retryAfter != null) {
			wait = retryAfter.isNegative() ? Duration.ZERO : retryAfter;
		}
		else {
			long ceiling = Math.min(cap.toMillis(), base.toMillis() << Math.min(attempt - 1, 30));
			wait = Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling + 1));
		}
		if (wait.compareTo(cap) > 0) {
			wait = cap;
		}
		Instant next = now.plus(wait);
		return next.isAfter(retryFrom.plus(window)) ? null : next;
	}

}

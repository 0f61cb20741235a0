package io.staysync.common.http;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to try a call to a channel again after a failure that may pass (a network failure,
 * a server error, the peer asking to slow down): after the peer's {@code Retry-After}
 * when it gave one, otherwise after a full-jitter exponential wait, at most
 * {@code attempts} times and never waiting more than {@code maxTotalWait} in all, so that
 * a sync never hangs on one peer. Shared by the feed fetcher and every channel's API
 * client, so that they all back off alike.
 *
 * @param attempts how many attempts in all, the first included
 * @param base the ceiling of the first jittered wait, doubled for each further one
 * @param maxTotalWait the most waited over all attempts; a wait beyond it gives up
 */
public record Backoff(int attempts, Duration base, Duration maxTotalWait) {

	/** Three attempts within 20 seconds: the pace of every channel call. */
	public static final Backoff CHANNEL_CALLS = new Backoff(3, Duration.ofSeconds(1), Duration.ofSeconds(20));

	public Backoff {
		if (attempts < 1 || base == null || base.isNegative() || maxTotalWait == null || maxTotalWait.isNegative()) {
			throw new IllegalArgumentException("A backoff needs an attempt and no negative wait");
		}
	}

	/**
	 * @param attempt the attempt that just failed, from 1
	 * @param waited how long was waited before the earlier attempts
	 * @param retryAfter what the peer asked for, or {@code null}
	 * @return how long to wait before the next attempt, or {@code null} to give up
	 */
	public Duration next(int attempt, Duration waited, Duration retryAfter) {
		if (attempt >= attempts) {
			return null;
		}
		Duration wait;
		if (retryAfter != null) {
			wait = retryAfter.isNegative() ? Duration.ZERO : retryAfter;
		}
		else {
			long ceiling = base.toMillis() << Math.min(attempt - 1, 20);
			wait = Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling + 1));
		}
		return waited.plus(wait).compareTo(maxTotalWait) > 0 ? null : wait;
	}

	/** How a caller waits between attempts; tests replace it to keep time. */
	@FunctionalInterface
	public interface Sleeper {

		Sleeper REAL = Thread::sleep;

		void sleep(long millis) throws InterruptedException;

	}

}

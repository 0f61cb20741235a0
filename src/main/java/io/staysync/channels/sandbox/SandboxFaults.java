package io.staysync.channels.sandbox;

import java.time.Duration;

/**
 * The faults a sandbox peer injects into its API answers, the same switches for every
 * sandboxed channel: a wait before each answer, and every so many requests a throttling
 * answer (with its status and Retry-After), a 503, a 500, or a body cut in the middle.
 * Counting is the sandbox's; which answer a fault becomes is the channel's own.
 *
 * @param latency how long to wait before every answer
 * @param throttleEvery every how many requests to answer {@code throttleStatus} (0:
 * never)
 * @param throttleStatus the status of those answers (429; Airbnb also throttles with 405
 * and 503)
 * @param retryAfter the Retry-After of throttling and 503 answers
 * @param unavailableEvery every how many requests to answer 503 (0: never)
 * @param failEvery every how many requests to answer 500 (0: never)
 * @param truncateEvery every how many answers to cut in the middle (0: never)
 */
public record SandboxFaults(Duration latency, int throttleEvery, int throttleStatus, Duration retryAfter,
		int unavailableEvery, int failEvery, int truncateEvery) {

	/** What a request gets instead of its real answer. */
	public enum Fault {

		NONE, THROTTLE, UNAVAILABLE, FAIL, TRUNCATE

	}

	public SandboxFaults {
		latency = latency == null ? Duration.ZERO : latency;
		retryAfter = retryAfter == null ? Duration.ofSeconds(1) : retryAfter;
	}

	public static SandboxFaults none() {
		return new SandboxFaults(Duration.ZERO, 0, 429, Duration.ofSeconds(1), 0, 0, 0);
	}

	/** The fault of the {@code request}-th request (from 1): throttling first. */
	public Fault of(int request) {
		if (every(throttleEvery, request)) {
			return Fault.THROTTLE;
		}
		if (every(unavailableEvery, request)) {
			return Fault.UNAVAILABLE;
		}
		if (every(failEvery, request)) {
			return Fault.FAIL;
		}
		if (every(truncateEvery, request)) {
			return Fault.TRUNCATE;
		}
		return Fault.NONE;
	}

	/** Waits the latency, if any. */
	public void delay() throws InterruptedException {
		if (!latency.isZero() && !latency.isNegative()) {
			Thread.sleep(latency.toMillis());
		}
	}

	/** The Retry-After header's value, in whole seconds. */
	public String retryAfterSeconds() {
		return String.valueOf(Math.max(0, retryAfter.toSeconds()));
	}

	private static boolean every(int every, int request) {
		return every > 0 && request % every == 0;
	}

}

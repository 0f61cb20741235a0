package io.staysync.common.http;

import java.time.Duration;

import org.apache.hc.core5.util.Timeout;

/** The time left for a whole fetch, measured on the monotonic clock. */
final class Deadline {

	private final Duration total;

	private final long endNanos;

	private Deadline(Duration total) {
		this.total = total;
		this.endNanos = System.nanoTime() + total.toNanos();
	}

	static Deadline after(Duration total) {
		return new Deadline(total);
	}

	Duration total() {
		return total;
	}

	Duration remaining() {
		return Duration.ofNanos(Math.max(0, endNanos - System.nanoTime()));
	}

	boolean passed() {
		return endNanos - System.nanoTime() <= 0;
	}

	/**
	 * A timeout of at most {@code limit} that also ends with the deadline (and at least 1
	 * ms).
	 */
	Timeout cap(Duration limit) {
		long millis = Math.min(limit.toMillis(), remaining().toMillis());
		return Timeout.ofMilliseconds(Math.max(1, millis));
	}

}

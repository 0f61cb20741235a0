package io.staysync.common;

import java.time.Duration;
import java.util.Objects;

/**
 * A point on the monotonic clock after which a piece of work gives up: the time budget of
 * one listing's sync, handed down to whatever loops on data a stranger wrote (a feed's
 * events, a rule's occurrences), which checks it between steps. Work that only ever runs
 * on the caller's thread could be interrupted instead, but a library may swallow an
 * interrupt, and a check of a deadline cannot be swallowed.
 * <p>
 * Measured with {@link System#nanoTime()}, never with the application's clock: a fixed or
 * shifted domain clock must not make a deadline pass at once, or never.
 */
public final class TimeLimit {

	private static final TimeLimit NONE = new TimeLimit(null, 0);

	private final Duration total;

	private final long endNanos;

	private TimeLimit(Duration total, long endNanos) {
		this.total = total;
		this.endNanos = endNanos;
	}

	/** {@code total} from now. */
	public static TimeLimit after(Duration total) {
		Objects.requireNonNull(total, "total");
		if (total.isNegative() || total.isZero()) {
			throw new IllegalArgumentException("A time limit must be positive");
		}
		return new TimeLimit(total, System.nanoTime() + total.toNanos());
	}

	/** No limit: for work a caller bounds otherwise. */
	public static TimeLimit none() {
		return NONE;
	}

	/** Whichever of the two limits ends first. */
	public TimeLimit orEarlier(TimeLimit other) {
		if (other.total == null) {
			return this;
		}
		if (total == null) {
			return other;
		}
		return other.endNanos - endNanos < 0 ? other : this;
	}

	public boolean passed() {
		return total != null && endNanos - System.nanoTime() <= 0;
	}

	/** The time left, zero once passed; {@code null} without a limit. */
	public Duration remaining() {
		return total == null ? null : Duration.ofNanos(Math.max(0, endNanos - System.nanoTime()));
	}

	/** How long the limit was set for; {@code null} without a limit. */
	public Duration total() {
		return total;
	}

	/**
	 * Throws {@link TimeLimitExceeded} once the limit has passed: for loops that give up
	 * in the middle.
	 */
	public void check() {
		if (passed()) {
			throw new TimeLimitExceeded(this);
		}
	}

	/** {@code 1 minute}, {@code 90 seconds}, {@code 500 milliseconds}: for messages. */
	public static String words(Duration duration) {
		long millis = duration.toMillis();
		if (millis % 1000 != 0) {
			return plural(millis, "millisecond");
		}
		long seconds = millis / 1000;
		if (seconds % 3600 == 0) {
			return plural(seconds / 3600, "hour");
		}
		if (seconds % 60 == 0) {
			return plural(seconds / 60, "minute");
		}
		return plural(seconds, "second");
	}

	private static String plural(long count, String unit) {
		return count + " " + unit + (count == 1 ? "" : "s");
	}

	@Override
	public String toString() {
		return total == null ? "no time limit" : "a time limit of " + words(total);
	}

	/**
	 * Work stopped because its {@link TimeLimit} passed. Unchecked, so that it crosses a
	 * library's callbacks (a reader handed to a parser); whoever set the limit catches
	 * it.
	 */
	public static final class TimeLimitExceeded extends RuntimeException {

		private final transient TimeLimit limit;

		TimeLimitExceeded(TimeLimit limit) {
			super("took longer than " + words(limit.total()), null, false, false);
			this.limit = limit;
		}

		public TimeLimit limit() {
			return limit;
		}

	}

}

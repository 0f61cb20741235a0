package io.staysync.sync.internal;

import java.time.Duration;

/**
 * The checks the sync module's settings share. Each message names the property as an
 * operator writes it, so that a refused start-up says which line to fix.
 */
final class SettingChecks {

	private SettingChecks() {
	}

	/** Intervals and ages: zero would spin a timer or treat everything as overdue. */
	static void requirePositive(Duration duration, String property) {
		if (duration == null || duration.isNegative() || duration.isZero()) {
			throw new IllegalArgumentException(property + " must be a positive duration");
		}
	}

	static void requireNotNegative(Duration duration, String property) {
		if (duration == null || duration.isNegative()) {
			throw new IllegalArgumentException(property + " must not be a negative duration");
		}
	}

	static void requireAtLeastOne(int value, String property) {
		if (value < 1) {
			throw new IllegalArgumentException(property + " must be at least 1");
		}
	}

}

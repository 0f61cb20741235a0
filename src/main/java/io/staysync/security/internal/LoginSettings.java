package io.staysync.security.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of password sign-in (console form and HTTP Basic alike), bound from
 * {@code staysync.security.login.*} and checked at start-up.
 *
 * @param maxFailures wrong passwords in a row for one sign-in name after which password
 * sign-in under that name is refused, whether an account has that name or not
 * @param lockout how long it is refused then
 * @param addressMaxFailures failed sign-ins from one client address (any names) before
 * each further attempt from there has to wait
 * @param addressDelay the first wait; it doubles with each further failure
 * @param addressMaxDelay the longest wait
 * @param addressMemory how long an address's failures are remembered after its last one
 * @param auditedFailuresPerMinute failed sign-ins written to the audit trail one by one
 * each minute for one account (or all unknown names, or all API tokens); beyond that they
 * are only counted, in the next one written
 */
@ConfigurationProperties("staysync.security.login")
record LoginSettings(@DefaultValue("5") int maxFailures, @DefaultValue("15m") Duration lockout,
		@DefaultValue("20") int addressMaxFailures, @DefaultValue("1s") Duration addressDelay,
		@DefaultValue("15m") Duration addressMaxDelay, @DefaultValue("1h") Duration addressMemory,
		@DefaultValue("10") int auditedFailuresPerMinute) {

	LoginSettings {
		if (maxFailures < 1 || addressMaxFailures < 1 || auditedFailuresPerMinute < 1) {
			throw new IllegalArgumentException("staysync.security.login.max-failures, .address-max-failures and "
					+ ".audited-failures-per-minute must be at least 1");
		}
		requirePositive(lockout, "lockout");
		requirePositive(addressDelay, "address-delay");
		requirePositive(addressMaxDelay, "address-max-delay");
		requirePositive(addressMemory, "address-memory");
		if (addressMaxDelay.compareTo(addressDelay) < 0) {
			throw new IllegalArgumentException(
					"staysync.security.login.address-max-delay must not be shorter than .address-delay");
		}
	}

	/**
	 * The defaults of the properties, for tests that build the throttle without Spring.
	 */
	static LoginSettings defaults() {
		return new LoginSettings(5, Duration.ofMinutes(15), 20, Duration.ofSeconds(1), Duration.ofMinutes(15),
				Duration.ofHours(1), 10);
	}

	private static void requirePositive(Duration duration, String name) {
		if (duration == null || duration.isNegative() || duration.isZero()) {
			throw new IllegalArgumentException("staysync.security.login." + name + " must be a positive duration");
		}
	}

}

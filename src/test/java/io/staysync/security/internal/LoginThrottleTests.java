package io.staysync.security.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleTests {

	static final String ADDRESS = "198.51.100.7";

	final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T10:00:00Z"));

	final LoginThrottle throttle = new LoginThrottle(new LoginSettings(5, Duration.ofMinutes(15), 3,
			Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofHours(1), 30), clock);

	@Test
	void theWaitOfAnAddressDoublesWithEachFailureBeyondTheFreeOnesUpToItsLimit() {
		for (int i = 0; i < 2; i++) {
			throttle.failed("name" + i, ADDRESS);
			assertThat(throttle.refusedUntil("other", ADDRESS)).isEmpty();
		}
		for (long expected : new long[] { 1, 2, 4, 8, 10, 10 }) {
			throttle.failed("name-" + expected, ADDRESS);
			assertThat(throttle.refusedUntil("other", ADDRESS)).contains(clock.instant().plusSeconds(expected));
			assertThat(throttle.refusedUntil("other", "203.0.113.9")).isEmpty();
			clock.advance(Duration.ofSeconds(expected));
			assertThat(throttle.refusedUntil("other", ADDRESS)).isEmpty();
		}
	}

	@Test
	void anAddressIsForgottenAfterAQuietHourAndAfterARightPassword() {
		for (int i = 0; i < 4; i++) {
			throttle.failed("name" + i, ADDRESS);
		}
		clock.advance(Duration.ofHours(1));
		throttle.failed("name", ADDRESS);
		assertThat(throttle.refusedUntil("other", ADDRESS)).isEmpty();

		for (int i = 0; i < 3; i++) {
			throttle.failed("again" + i, ADDRESS);
		}
		assertThat(throttle.refusedUntil("other", ADDRESS)).isPresent();
		clock.advance(Duration.ofSeconds(2));
		throttle.succeeded("mine", ADDRESS);
		throttle.failed("typo", ADDRESS);
		assertThat(throttle.refusedUntil("other", ADDRESS)).isEmpty();
	}

	@Test
	void aNameLocksAfterItsFailuresWhetherOrNotAnAccountHasIt() {
		for (int i = 0; i < 5; i++) {
			assertThat(throttle.refusedUntil("nobody@example.com", null)).isEmpty();
			throttle.failed("nobody@example.com", null);
		}
		assertThat(throttle.refusedUntil("nobody@example.com", null))
			.contains(clock.instant().plus(Duration.ofMinutes(15)));
		clock.advance(Duration.ofMinutes(15));
		assertThat(throttle.refusedUntil("nobody@example.com", null)).isEmpty();
	}

	@Test
	void namesWithControlOrInvisibleCharactersAreRefusedAndOthersNormalised() {
		assertThat(LoginNames.normalise("\u0001admin@example.com")).isEmpty();
		assertThat(LoginNames.normalise("admin@example.com\u200b")).isEmpty();
		assertThat(LoginNames.normalise("\tadmin@example.com")).isEmpty();
		assertThat(LoginNames.normalise(" \u00a0Admin@Example.COM\u2003")).contains("admin@example.com");
		assertThat(LoginNames.normalise("   ")).isEmpty();
	}

	static final class MutableClock extends Clock {

		private Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration duration) {
			now = now.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now;
		}

	}

}

package io.staysync.common.http;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RetryAfterTests {

	private final Instant now = Instant.parse("2026-10-21T07:28:00Z");

	@Test
	void readsDelaySecondsAndHttpDates() {
		assertThat(RetryAfter.parse("120", now)).isEqualTo(Duration.ofSeconds(120));
		assertThat(RetryAfter.parse(" 0 ", now)).isEqualTo(Duration.ZERO);
		assertThat(RetryAfter.parse("Wed, 21 Oct 2026 07:30:00 GMT", now)).isEqualTo(Duration.ofMinutes(2));
	}

	@Test
	void aDateInThePastMeansNowAndNonsenseMeansNothing() {
		assertThat(RetryAfter.parse("Wed, 21 Oct 2026 07:00:00 GMT", now)).isEqualTo(Duration.ZERO);
		assertThat(RetryAfter.parse("soon", now)).isNull();
		assertThat(RetryAfter.parse("-5", now)).isNull();
		assertThat(RetryAfter.parse("", now)).isNull();
		assertThat(RetryAfter.parse(null, now)).isNull();
	}

}

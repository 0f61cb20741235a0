package io.staysync.webhooks.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Inputs that once got past {@link StandardWebhookVerifier}: each one a regression test
 * that needs no fuzzer.
 */
class StandardWebhookVerifierFuzzFindingsTests {

	private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

	@Test
	void aTimestampWhoseDistanceFromNowOverflowsIsStillTooOld() {
		long now = 1_803_000_000L;
		StandardWebhookVerifier verifier = new StandardWebhookVerifier(
				Clock.fixed(Instant.ofEpochSecond(now), ZoneOffset.UTC));
		long sent = now + Long.MIN_VALUE;
		byte[] body = "{}".getBytes(StandardCharsets.UTF_8);

		String refusal = verifier.refusal(SECRET, "msg_1", Long.toString(sent),
				StandardWebhookVerifier.signature(SECRET, "msg_1", sent, body), body);

		assertThat(refusal).isEqualTo("The webhook-timestamp is more than 5 minutes old.");
	}

}

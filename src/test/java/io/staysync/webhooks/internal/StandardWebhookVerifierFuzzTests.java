package io.staysync.webhooks.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever a caller puts in the {@code webhook-id}, {@code webhook-timestamp} and
 * {@code webhook-signature} headers and the body, verification answers with a refusal or
 * an acceptance and never throws; a timestamp more than five minutes away is always
 * refused, the true signature among any other tokens is always accepted when the rest is
 * valid, and a header without it never is. See docs/testing.md.
 */
class StandardWebhookVerifierFuzzTests {

	private static final Instant NOW = Instant.parse("2027-03-01T12:00:00Z");

	private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

	private final StandardWebhookVerifier verifier = new StandardWebhookVerifier(Clock.fixed(NOW, ZoneOffset.UTC));

	@FuzzTest(maxDuration = "10s")
	void anyHeadersAreAnsweredSafely(FuzzedDataProvider data) {
		String secret = data.consumeInt(0, 9) == 0 ? data.consumeString(100) : SECRET;
		long sent = data.consumeBoolean() ? NOW.getEpochSecond() + data.consumeLong(-400, 400)
				: NOW.getEpochSecond() + data.consumeLong();
		String timestamp = data.consumeInt(0, 9) == 0 ? data.consumeString(30) : padded(data, Long.toString(sent));
		String id = data.consumeBoolean() ? "msg_" + data.consumeAsciiString(40) : data.consumeString(300);
		String before = data.consumeString(200);
		boolean signed = data.consumeBoolean();
		String after = data.consumeString(200);
		byte[] body = data.consumeRemainingAsBytes();
		String signatures = signed
				? before + " " + StandardWebhookVerifier.signature(SECRET, id, sent, body) + " " + after
				: before + after;

		String refusal = verifier.refusal(secret, id, timestamp, signatures, body);

		if (!timestamp.strip().equals(Long.toString(sent))) {
			return;
		}
		boolean fresh = Math.abs((double) sent - NOW.getEpochSecond()) <= 300;
		if (!fresh) {
			assertThat(refusal).as("a timestamp %s from %s", timestamp, NOW.getEpochSecond()).isNotNull();
		}
		else if (signed && secret.equals(SECRET) && !id.isBlank() && !id.contains(".") && id.length() <= 255) {
			assertThat(refusal).as("the true signature among others").isNull();
		}
		if (secret.equals(SECRET) && !signatures.contains(StandardWebhookVerifier.signature(SECRET, id, sent, body))) {
			assertThat(refusal).as("a header without the true signature").isNotNull();
		}
	}

	private static String padded(FuzzedDataProvider data, String timestamp) {
		return data.consumeBoolean() ? timestamp : " " + timestamp + "\t";
	}

}

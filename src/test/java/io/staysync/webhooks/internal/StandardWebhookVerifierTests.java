package io.staysync.webhooks.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StandardWebhookVerifierTests {

	/** The reference vector of the Standard Webhooks Java library (security.md §6). */
	static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

	static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";

	static final long TIMESTAMP = 1614265330;

	static final byte[] BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);

	static final String SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

	final StandardWebhookVerifier verifier = at(TIMESTAMP);

	@Test
	void theReferenceVectorVerifies() {
		assertThat(StandardWebhookVerifier.signature(SECRET, ID, TIMESTAMP, BODY)).isEqualTo(SIGNATURE);
		assertThat(verifier.refusal(SECRET, ID, String.valueOf(TIMESTAMP), SIGNATURE, BODY)).isNull();
	}

	@Test
	void anyMatchingV1SignatureAmongSeveralIsAcceptedForRotation() {
		String header = "v1,bm90IHRoaXMgb25l v1a,whatever " + SIGNATURE + " v2,abc";
		assertThat(verifier.refusal(SECRET, ID, String.valueOf(TIMESTAMP), header, BODY)).isNull();
	}

	@Test
	void everythingElseIsRefusedWithAReason() {
		String ts = String.valueOf(TIMESTAMP);
		assertThat(
				verifier.refusal(SECRET, ID, ts, SIGNATURE, "{\"test\": 2432232315}".getBytes(StandardCharsets.UTF_8)))
			.contains("No v1 signature matches");
		assertThat(verifier.refusal("whsec_" + "A".repeat(32), ID, ts, SIGNATURE, BODY)).contains("No v1 signature");
		assertThat(verifier.refusal(SECRET, "msg_other", ts, SIGNATURE, BODY)).contains("No v1 signature");
		assertThat(verifier.refusal(SECRET, ID, ts, "v1a," + SIGNATURE.substring(3), BODY)).contains("No v1 signature");
		assertThat(verifier.refusal(SECRET, ID, ts, "v1,%%%", BODY)).contains("No v1 signature");
		assertThat(verifier.refusal(SECRET, ID, null, SIGNATURE, BODY)).contains("headers are all required");
		assertThat(verifier.refusal(SECRET, "", ts, SIGNATURE, BODY)).contains("headers are all required");
		assertThat(verifier.refusal(SECRET, ID, ts, null, BODY)).contains("headers are all required");
		assertThat(verifier.refusal(SECRET, ID, "yesterday", SIGNATURE, BODY)).contains("Unix time");
		assertThat(verifier.refusal(SECRET, "a.b", ts, SIGNATURE, BODY)).contains("not a valid message id");
		assertThat(at(TIMESTAMP + 301).refusal(SECRET, ID, ts, SIGNATURE, BODY)).contains("old");
		assertThat(at(TIMESTAMP - 301).refusal(SECRET, ID, ts, SIGNATURE, BODY)).contains("in the future");
		assertThat(at(TIMESTAMP + 300).refusal(SECRET, ID, ts, SIGNATURE, BODY)).isNull();
	}

	static StandardWebhookVerifier at(long epochSecond) {
		return new StandardWebhookVerifier(Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC));
	}

}

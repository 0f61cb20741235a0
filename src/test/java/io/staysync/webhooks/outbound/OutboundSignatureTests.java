package io.staysync.webhooks.outbound;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.staysync.webhooks.internal.StandardWebhookSignature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class OutboundSignatureTests {

	static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

	static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";

	static final long TIMESTAMP = 1614265330;

	static final byte[] BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);

	static final Instant THEN = Instant.ofEpochSecond(TIMESTAMP);

	@Test
	void theStandardWebhooksTestVectorIsWhatWeSign() {
		assertThat(StandardWebhookSignature.sign(SECRET, ID, TIMESTAMP, BODY))
			.isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
	}

	@Test
	void theReferenceAlgorithmAcceptsOurHeadersAndRejectsTamperedOnes() {
		Map<String, String> headers = DeliverySender.headers(List.of(SECRET), ID, TIMESTAMP, BODY);

		assertThat(headers).containsEntry("webhook-id", ID).containsEntry("webhook-timestamp", "1614265330");
		assertThat(verifies(SECRET, headers, BODY)).isTrue();
		assertThat(verifies(SECRET, headers, "{\"test\": 2432232315}".getBytes(StandardCharsets.UTF_8))).isFalse();
		assertThat(ReferenceVerifier.verifies(SECRET, "msg_other", "1614265330", headers.get("webhook-signature"), BODY,
				THEN))
			.isFalse();
		assertThat(ReferenceVerifier.verifies(SECRET, ID, "1614265331", headers.get("webhook-signature"), BODY, THEN))
			.isFalse();
	}

	@Test
	void duringARotationBothSecretsSignSeparatedByASpace() {
		String next = SubscriptionSecrets.generate();
		Map<String, String> headers = DeliverySender.headers(List.of(next, SECRET), ID, TIMESTAMP, BODY);

		assertThat(headers.get("webhook-signature").split(" ")).hasSize(2).allMatch(part -> part.startsWith("v1,"));
		assertThat(verifies(SECRET, headers, BODY)).isTrue();
		assertThat(verifies(next, headers, BODY)).isTrue();
		assertThat(verifies(SubscriptionSecrets.generate(), headers, BODY)).isFalse();
	}

	@Test
	void generatedSecretsAreStandardWebhooksSecretsOf32RandomBytes() {
		String secret = SubscriptionSecrets.generate();

		assertThat(secret).startsWith("whsec_").isNotEqualTo(SubscriptionSecrets.generate());
		assertThat(java.util.Base64.getDecoder().decode(secret.substring(6))).hasSize(32);
		assertThatIllegalArgumentException().isThrownBy(() -> StandardWebhookSignature.sign("sk_live", ID, 1, BODY))
			.withMessageNotContaining("sk_live");
	}

	@Test
	void retriesWaitWithJitterUpToTheCapHonourRetryAfterAndStopAfterTheWindow() {
		RetrySchedule schedule = new RetrySchedule(Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofHours(24));
		Instant start = Instant.parse("2026-01-01T00:00:00Z");

		for (int attempt = 1; attempt < 40; attempt++) {
			Instant next = schedule.next(attempt, start, start, null);
			long ceiling = Math.min(Duration.ofHours(1).toMillis(), 30_000L << Math.min(attempt - 1, 30));
			assertThat(Duration.between(start, next).toMillis()).isBetween(0L, ceiling);
		}
		assertThat(schedule.next(1, start, start, Duration.ofSeconds(120))).isEqualTo(start.plusSeconds(120));
		assertThat(schedule.next(1, start, start, Duration.ofDays(3))).isEqualTo(start.plus(Duration.ofHours(1)));
		Instant late = start.plus(Duration.ofHours(23)).plus(Duration.ofMinutes(30));
		assertThat(schedule.next(9, start, late, Duration.ofMinutes(40))).isNull();
		assertThat(schedule.next(9, start, late, Duration.ofMinutes(20))).isEqualTo(late.plus(Duration.ofMinutes(20)));
	}

	private static boolean verifies(String secret, Map<String, String> headers, byte[] body) {
		return ReferenceVerifier.verifies(secret, headers.get("webhook-id"), headers.get("webhook-timestamp"),
				headers.get("webhook-signature"), body, THEN);
	}

}

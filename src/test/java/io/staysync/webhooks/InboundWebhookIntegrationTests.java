package io.staysync.webhooks;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

import io.staysync.test.ApiIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The inbound webhook matrix: each way a notification can be wrong ends in 401 or 400 and
 * stores nothing; a good one is stored once and asks for one webhook sync.
 */
class InboundWebhookIntegrationTests extends ApiIntegrationTest {

	static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

	static final String BODY = "{\"action\":\"reservation_acceptance_confirmation\",\"confirmation_code\":\"HMABCDEFGH\"}";

	@BeforeEach
	void airbnbWithAWebhookSecret() throws Exception {
		resetChannels();
		mvc.perform(json(asAdmin(post("/api/integrations/airbnb/configure")),
				"{\"webhookSecret\":\"" + SECRET + "\",\"mode\":\"ical\"}"))
			.andExpect(status().isOk());
	}

	/**
	 * Timestamps are taken when the arguments are made, well before a context starts:
	 * margins are wide.
	 */
	static Stream<Arguments> refused() {
		long now = Instant.now().getEpochSecond();
		String id = "msg_" + UUID.randomUUID();
		String good = sign(id, now, BODY);
		return Stream.of(
				Arguments.of("missing id", null, String.valueOf(now), good, BODY, 401, "headers are all required"),
				Arguments.of("missing timestamp", id, null, good, BODY, 401, "headers are all required"),
				Arguments.of("missing signature", id, String.valueOf(now), null, BODY, 401, "headers are all required"),
				Arguments.of("signature of another body", id, String.valueOf(now), good, BODY.replace("HMAB", "HMZZ"),
						401, "No v1 signature"),
				Arguments.of("wrong secret", id, String.valueOf(now),
						"v1," + java.util.Base64.getEncoder().encodeToString(new byte[32]), BODY, 401,
						"No v1 signature"),
				Arguments.of("too old", id, String.valueOf(now - 600), sign(id, now - 600, BODY), BODY, 401, "old"),
				Arguments.of("too new", id, String.valueOf(now + 900), sign(id, now + 900, BODY), BODY, 401, "future"),
				Arguments.of("unsigned version", id, String.valueOf(now), "v1a," + good.substring(3), BODY, 401,
						"No v1 signature"),
				Arguments.of("malformed body, signed", id, String.valueOf(now), sign(id, now, "{not json"), "{not json",
						400, "not valid JSON"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("refused")
	void refusedNotificationsStoreNothing(String name, String id, String timestamp, String signature, String body,
			int expected, String reason) throws Exception {
		mvc.perform(webhook("/api/integrations/airbnb/webhook", id, timestamp, signature, body))
			.andExpect(status().is(expected))
			.andExpect(jsonPath("$.detail").value(containsString(reason)));

		assertThat(count("webhook_inbox")).isZero();
		assertThat(count("sync_runs")).isZero();
	}

	@Test
	void aGoodNotificationIsStoredOnceAndAsksForOneWebhookSync() throws Exception {
		long now = Instant.now().getEpochSecond();
		String id = "msg_" + UUID.randomUUID();

		String receipt = mvc
			.perform(webhook("/api/integrations/airbnb/webhook", id, String.valueOf(now), sign(id, now, BODY), BODY))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.duplicate").value(false))
			.andReturn()
			.getResponse()
			.getContentAsString();
		mvc.perform(webhook("/api/integrations/airbnb/webhook", id, String.valueOf(now), sign(id, now, BODY), BODY))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.duplicate").value(true));

		assertThat(count("webhook_inbox")).isEqualTo(1);
		String run = JsonPath.read(receipt, "$.syncRunId");
		assertThat(jdbc.sql("select trigger from sync_runs where id = cast(:id as uuid)")
			.param("id", run)
			.query(String.class)
			.single()).isEqualTo("webhook");
		assertThat(count("sync_runs")).isEqualTo(1);
	}

	@Test
	void withoutASecretTheRouteFailsClosed() throws Exception {
		mvc.perform(json(asAdmin(post("/api/integrations/airbnb/configure")), "{\"webhookSecret\":\"\"}"))
			.andExpect(status().isOk());
		long now = Instant.now().getEpochSecond();

		mvc.perform(webhook("/api/integrations/airbnb/webhook", "msg_1", String.valueOf(now), sign("msg_1", now, BODY),
				BODY))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.detail").value(containsString("No webhook secret")));
		mvc.perform(webhook("/api/integrations/bookingcom/webhook", "msg_1", String.valueOf(now),
				sign("msg_1", now, BODY), BODY))
			.andExpect(status().isUnauthorized());
		mvc.perform(
				webhook("/api/integrations/ical/webhook", "msg_1", String.valueOf(now), sign("msg_1", now, BODY), BODY))
			.andExpect(status().isNotFound());
		assertThat(count("webhook_inbox")).isZero();
	}

	static String sign(String id, long timestamp, String body) {
		return io.staysync.webhooks.internal.WebhookSignatures.sign(SECRET, id, timestamp,
				body.getBytes(StandardCharsets.UTF_8));
	}

	static MockHttpServletRequestBuilder webhook(String path, String id, String timestamp, String signature,
			String body) {
		MockHttpServletRequestBuilder request = post(path).contentType(MediaType.APPLICATION_JSON).content(body);
		if (id != null) {
			request.header("webhook-id", id);
		}
		if (timestamp != null) {
			request.header("webhook-timestamp", timestamp);
		}
		if (signature != null) {
			request.header("webhook-signature", signature);
		}
		return request;
	}

}

package io.staysync.webhooks;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import com.jayway.jsonpath.JsonPath;

import io.staysync.test.ApiIntegrationTest;
import io.staysync.webhooks.internal.WebhookSignatures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A webhook secret is checked when it is entered: {@code whsec_} and base64 of 24 to 64
 * bytes, or generated. A refused one is a 400 naming the field, and changes nothing.
 */
class WebhookSecretIntegrationTests extends ApiIntegrationTest {

	@BeforeEach
	void clean() {
		resetChannels();
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "whsec_", "whsec_YWJj", "not-a-whsec-secret-but-long-enough-to-pass",
			"whsec_this is not base64 at all!!", "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw" })
	void unusableSecretsAreRefusedByName(String secret) throws Exception {
		String answer = mvc
			.perform(json(asAdmin(post("/api/integrations/airbnb/configure")),
					"{\"webhookSecret\":\"" + secret + "\",\"mode\":\"ical\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("webhookSecret"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(answer).doesNotContain(secret.equals("whsec_") ? "whsec_\"" : secret);
		mvc.perform(asAdmin(get("/api/integrations/airbnb")))
			.andExpect(jsonPath("$.webhookSecretConfigured").value(false));
	}

	@Test
	void aSecretOfTooManyBytesIsRefusedAndOneInRangeIsUsedForVerification() throws Exception {
		String tooLong = "whsec_" + Base64.getEncoder().encodeToString(new byte[65]);
		mvc.perform(
				json(asAdmin(post("/api/integrations/airbnb/configure")), "{\"webhookSecret\":\"" + tooLong + "\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("webhookSecret"));

		String secret = "whsec_" + Base64.getEncoder()
			.encodeToString("a-64-byte-key-".repeat(5).substring(0, 64).getBytes(StandardCharsets.UTF_8));
		mvc.perform(json(asAdmin(post("/api/integrations/airbnb/configure")),
				"{\"webhookSecret\":\"" + secret + "\",\"mode\":\"ical\"}"))
			.andExpect(status().isOk());
		long now = Instant.now().getEpochSecond();
		String body = "{\"action\":\"reservation_acceptance_confirmation\"}";
		mvc.perform(post("/api/integrations/airbnb/webhook").header("webhook-id", "msg_secret_test")
			.header("webhook-timestamp", String.valueOf(now))
			.header("webhook-signature",
					WebhookSignatures.sign(secret, "msg_secret_test", now, body.getBytes(StandardCharsets.UTF_8)))
			.contentType("application/json")
			.content(body)).andExpect(status().isAccepted());
	}

	@Test
	void aGeneratedSecretIsAlwaysUsable() throws Exception {
		String generated = JsonPath.read(mvc
			.perform(json(asAdmin(post("/api/integrations/bookingcom/configure")), "{\"webhookSecret\":\"generate\"}"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.generatedWebhookSecret");
		assertThat(Base64.getDecoder().decode(generated.substring(6))).hasSize(24);
	}

}

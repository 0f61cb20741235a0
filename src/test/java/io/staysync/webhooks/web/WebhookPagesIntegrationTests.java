package io.staysync.webhooks.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.TestPropertySource;

import io.staysync.test.ConsoleIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The console's webhook pages: the secret appears in the answer to create and rotate
 * only, the log offers resend and test, the dashboard names a switched-off subscription,
 * and nobody but an administrator gets in.
 */
@TestPropertySource(properties = { "staysync.scheduler.enabled=false", "staysync.http.allow-private-addresses=true" })
class WebhookPagesIntegrationTests extends ConsoleIntegrationTest {

	static final Pattern SECRET = Pattern.compile("whsec_[A-Za-z0-9+/=]+");

	@AfterEach
	void cleanUp() {
		jdbc.sql("delete from webhook_subscriptions").update();
	}

	@Test
	void anAdministratorCreatesRotatesTestsAndDeletesASubscriptionAndSeesEachSecretOnce() throws Exception {
		MockHttpSession admin = admin();
		String form = page(admin, "/webhooks");
		assertThat(form).contains("id=\"subscription-form\"", "booking.created", "integration.status_changed");

		String created = html(mvc.perform(form("/webhooks", admin).param("_once", onceToken(form))
			.param("targetUrl", "http://127.0.0.1:9/hooks?token=abc")
			.param("eventTypes", "booking.created", "conflict.detected")
			.param("description", "Cleaning app")));
		String secret = secretIn(created);
		String listed = page(admin, "/webhooks");
		assertThat(listed).contains("Cleaning app", "booking.created, conflict.detected", "http://127.0.0.1:9/hooks")
			.doesNotContain(secret)
			.doesNotContain("token=abc")
			.contains("…" + secret.substring(secret.length() - 4));

		String id = jdbc.sql("select cast(id as varchar) from webhook_subscriptions").query(String.class).single();
		String rotated = html(
				mvc.perform(form("/webhooks/" + id + "/rotate", admin).param("_once", onceToken(listed))));
		assertThat(secretIn(rotated)).isNotEqualTo(secret);
		assertThat(page(admin, "/webhooks")).doesNotContain(secretIn(rotated));

		mvc.perform(form("/webhooks/" + id + "/test", admin)).andExpect(status().is3xxRedirection());
		assertThat(page(admin, "/webhooks/" + id)).contains("id=\"webhook-deliveries\"", "webhook.test", "pending");

		mvc.perform(form("/webhooks/" + id + "/active", admin).param("active", "false"))
			.andExpect(status().is3xxRedirection());
		assertThat(page(admin, "/webhooks")).contains("switched off");
		mvc.perform(form("/webhooks/" + id + "/delete", admin)).andExpect(status().is3xxRedirection());
		assertThat(count("webhook_subscriptions")).isZero();
	}

	@Test
	void aRefusedTargetIsExplainedAndKeepsWhatWasTyped() throws Exception {
		MockHttpSession admin = admin();
		String answer = html(mvc.perform(form("/webhooks", admin).param("_once", onceToken(page(admin, "/webhooks")))
			.param("targetUrl", "http://169.254.169.254/latest")
			.param("eventTypes", "*")));

		assertThat(answer).contains("private or internal", "value=\"http://169.254.169.254/latest\"");
		assertThat(count("webhook_subscriptions")).isZero();
	}

	@Test
	void theDashboardNamesASwitchedOffSubscription() throws Exception {
		MockHttpSession admin = admin();
		mvc.perform(form("/webhooks", admin).param("_once", onceToken(page(admin, "/webhooks")))
			.param("targetUrl", "http://127.0.0.1:9/in")
			.param("eventTypes", "*")).andExpect(status().isOk());
		jdbc.sql("update webhook_subscriptions set active = false, disabled_reason = 'The receiver answered 410 Gone.'")
			.update();

		assertThat(page(admin, "/")).contains("/webhooks/attention");
		assertThat(page(admin, "/webhooks/attention")).contains("Switched off", "410 Gone", "127.0.0.1");
	}

	@Test
	void theDashboardPanelTellsNoSubscriptionFromAllDelivering() throws Exception {
		MockHttpSession admin = admin();
		assertThat(page(admin, "/webhooks/attention")).contains("No subscriptions yet", ">none<")
			.doesNotContain("Every subscription is delivering");

		mvc.perform(form("/webhooks", admin).param("_once", onceToken(page(admin, "/webhooks")))
			.param("targetUrl", "http://127.0.0.1:9/in")
			.param("eventTypes", "*")).andExpect(status().isOk());

		assertThat(page(admin, "/webhooks/attention")).contains("Every subscription is delivering", "all good")
			.doesNotContain("No subscriptions yet");
	}

	/** The sender runs here: a test event leaves as soon as it is committed. */
	@Test
	void theTestEventIsDeliveredAtOnceAndTheLogSaysSo() throws Exception {
		MockHttpSession admin = admin();
		try (TestReceiver receiver = new TestReceiver()) {
			mvc.perform(form("/webhooks", admin).param("_once", onceToken(page(admin, "/webhooks")))
				.param("targetUrl", receiver.url())
				.param("eventTypes", "*")).andExpect(status().isOk());
			String id = jdbc.sql("select cast(id as varchar) from webhook_subscriptions").query(String.class).single();

			mvc.perform(form("/webhooks/" + id + "/test", admin)).andExpect(status().is3xxRedirection());

			org.awaitility.Awaitility.await()
				.atMost(java.time.Duration.ofSeconds(10))
				.until(() -> count("webhook_deliveries where status = 'delivered'") == 1);
			assertThat(receiver.bodies()).singleElement().asString().contains("\"type\":\"webhook.test\"");
			assertThat(page(admin, "/webhooks/" + id)).contains("delivered", "ms");
		}
	}

	@Test
	void onlyAdministratorsGetIn() throws Exception {
		for (String role : new String[] { "MANAGER", "VIEWER" }) {
			MockHttpSession session = as(role);
			mvc.perform(get("/webhooks").session(session)).andExpect(status().isForbidden());
			mvc.perform(form("/webhooks", session).param("targetUrl", "http://127.0.0.1:9/in").param("eventTypes", "*"))
				.andExpect(status().isForbidden());
			assertThat(page(session, "/")).doesNotContain("/webhooks/attention");
		}
		assertThat(count("webhook_subscriptions")).isZero();
	}

	private static String html(org.springframework.test.web.servlet.ResultActions result) throws Exception {
		return result.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
	}

	private static String secretIn(String html) {
		Matcher matcher = SECRET.matcher(html);
		assertThat(matcher.find()).as("the answer shows the new secret").isTrue();
		return matcher.group();
	}

	/** A receiver on loopback that answers 204 and keeps the bodies. */
	static final class TestReceiver implements AutoCloseable {

		private final com.sun.net.httpserver.HttpServer server;

		private final java.util.List<String> bodies = new java.util.concurrent.CopyOnWriteArrayList<>();

		TestReceiver() throws java.io.IOException {
			server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
			server.createContext("/", exchange -> {
				bodies
					.add(new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
				exchange.sendResponseHeaders(204, -1);
				exchange.close();
			});
			server.start();
		}

		String url() {
			return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
		}

		java.util.List<String> bodies() {
			return java.util.List.copyOf(bodies);
		}

		@Override
		public void close() {
			server.stop(0);
		}

	}

}

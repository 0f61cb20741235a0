package io.staysync.webhooks.outbound;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.convention.TestBean;

import io.staysync.common.http.GuardedHttpClient;
import io.staysync.common.http.GuardedHttpSettings;
import io.staysync.common.http.TestGuardedClients;
import io.staysync.test.ApiIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Outbound webhooks end to end: subscriptions through the API, deliveries written with
 * the change, sent by the poller to a local receiver that checks them with the reference
 * algorithm, and the faults a receiver can have. The scheduler is off: the tests drain
 * the outbox themselves, so that each step is seen.
 */
@TestPropertySource(properties = { "staysync.scheduler.enabled=false",
		"staysync.webhooks.outbound.sending-enabled=false", "staysync.webhooks.outbound.timeout=1s",
		"staysync.webhooks.outbound.retry-base=20ms", "staysync.webhooks.outbound.retry-cap=100ms" })
class OutboundWebhookIntegrationTests extends ApiIntegrationTest {

	static final Map<String, String> HOSTS = new ConcurrentHashMap<>();

	@TestBean(name = WebhookHttp.CLIENT, methodName = "receiverClient")
	GuardedHttpClient webhookClient;

	@Autowired
	DeliveryPoller poller;

	@Autowired
	DeliveryOutbox outbox;

	@Autowired
	io.staysync.integrations.ChannelAccounts channelAccounts;

	WebhookReceiver receiver;

	static GuardedHttpClient receiverClient() {
		return TestGuardedClients
			.resolving(WebhookHttp.forDeliveries(GuardedHttpSettings.defaults(), Duration.ofSeconds(1)), HOSTS);
	}

	@BeforeEach
	void receiver() throws Exception {
		receiver = new WebhookReceiver();
		HOSTS.put("hooks.example.com", "127.0.0.1");
	}

	@AfterEach
	void cleanUp() {
		receiver.close();
		HOSTS.clear();
		jdbc.sql("delete from webhook_subscriptions").update();
	}

	@Test
	void theSecretIsShownOnceSealedAtRestAndNeverInAnswersOrTheAuditLog() throws Exception {
		String created = subscribe(receiver.url("hooks.example.com", "/in"), "[\"*\"]");
		String id = JsonPath.read(created, "$.subscription.id");
		String secret = JsonPath.read(created, "$.secret");

		assertThat(secret).startsWith("whsec_");
		String listed = mvc.perform(asAdmin(get("/api/webhooks/subscriptions")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].secretHint").value(secret.substring(secret.length() - 4)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(listed).doesNotContain(secret.substring(6));
		String sealed = jdbc.sql("select sealed_secret from webhook_subscriptions where id = cast(:id as uuid)")
			.param("id", id)
			.query(String.class)
			.single();
		assertThat(sealed).doesNotContain(secret.substring(6));
		assertThat(jdbc.sql("select count(*) from audit_events where details like :s")
			.param("s", "%" + secret.substring(6, 20) + "%")
			.query(Long.class)
			.single()).isZero();
		assertThat(count("audit_events where action = 'webhook.subscription.created'")).isPositive();
	}

	@Test
	void refusesPrivateTargetsOtherSchemesAndUnknownEventTypesAndAnswersOnlyAdmins() throws Exception {
		refused("http://10.0.0.7/hooks", "[\"*\"]", "targetUrl");
		refused("http://169.254.169.254/latest", "[\"*\"]", "targetUrl");
		refused("ftp://hooks.example.com/in", "[\"*\"]", "targetUrl");
		refused("http://user:pw@hooks.example.com/in", "[\"*\"]", "targetUrl");
		refused("not a url at all", "[\"*\"]", "targetUrl");
		refused(receiver.url("hooks.example.com", "/in"), "[\"booking.exploded\"]", "eventTypes");
		refused(receiver.url("hooks.example.com", "/in"), "[]", "eventTypes");
		createUser("manager@hooks.test", "Manager-Passw0rd-1", "MANAGER");
		mvc.perform(json(post("/api/webhooks/subscriptions").header("Authorization",
				basic("manager@hooks.test", "Manager-Passw0rd-1")), "{}"))
			.andExpect(status().isForbidden());
		assertThat(count("webhook_subscriptions")).isZero();
	}

	@Test
	void aBookingChangeIsWrittenWithItAndDeliveredSignedWithTheBookingsVersion() throws Exception {
		String created = subscribe(receiver.url("hooks.example.com", "/in"),
				"[\"booking.created\", \"booking.cancelled\"]");
		String secret = JsonPath.read(created, "$.secret");
		String property = createProperty("Dune house", "Europe/Paris", 4);

		String booking = createBooking(property, "2027-03-01", "2027-03-04", false);
		assertThat(count("webhook_deliveries where status = 'pending'")).isEqualTo(1);
		mvc.perform(asAdmin(post("/api/bookings/" + booking + "/cancel"))).andExpect(status().is2xxSuccessful());
		poller.drain();

		List<WebhookReceiver.Received> got = receiver.received();
		assertThat(got).hasSize(2).allSatisfy(request -> {
			assertThat(ReferenceVerifier.verifies(secret, request)).as("signature of %s", request.id()).isTrue();
			assertThat(request.contentType()).startsWith("application/json");
		});
		assertThat(got).extracting(WebhookReceiver.Received::id).doesNotHaveDuplicates();
		String first = got.stream().filter(r -> r.text().contains("booking.created")).findFirst().orElseThrow().text();
		assertThat((String) JsonPath.read(first, "$.data.bookingId")).isEqualTo(booking);
		assertThat((String) JsonPath.read(first, "$.data.status")).isEqualTo("CONFIRMED");
		assertThat((String) JsonPath.read(first, "$.data.checkIn")).isEqualTo("2027-03-01");
		String cancelled = got.stream()
			.filter(r -> r.text().contains("booking.cancelled"))
			.findFirst()
			.orElseThrow()
			.text();
		assertThat(JsonPath.<Integer>read(cancelled, "$.data.version"))
			.isGreaterThan(JsonPath.<Integer>read(first, "$.data.version"));
		WebhookReceiver.Received request = got.get(0);
		byte[] tampered = request.text().replace("2027", "2028").getBytes(StandardCharsets.UTF_8);
		assertThat(ReferenceVerifier.verifies(secret, request.id(), request.timestamp(), request.signature(), tampered))
			.isFalse();
		assertThat(count("webhook_deliveries where status = 'delivered' and response_status = 200")).isEqualTo(2);
	}

	@Test
	void aServerErrorIsRetriedWithTheSameWebhookIdUntilItIsDelivered() throws Exception {
		receiver.then(500).thenRetryAfter(503, "0").then(200);
		subscribe(receiver.url("hooks.example.com", "/in"), "[\"*\"]");

		createBooking(createProperty("Retry house", "Europe/Paris", 4), "2027-04-01", "2027-04-03", false);
		drainUntil("webhook_deliveries where status = 'delivered'", 1);

		assertThat(receiver.received()).hasSize(3)
			.extracting(WebhookReceiver.Received::id)
			.containsOnly(receiver.received().get(0).id());
		assertThat(jdbc.sql("select attempts from webhook_deliveries").query(Integer.class).single()).isEqualTo(3);
		assertThat(count("webhook_subscriptions where failing_since is null and active = true")).isEqualTo(1);
	}

	@Test
	void aGoneReceiverStopsDeliveriesAndSwitchesTheSubscriptionOff() throws Exception {
		receiver.then(410);
		String id = JsonPath.read(subscribe(receiver.url("hooks.example.com", "/in"), "[\"*\"]"), "$.subscription.id");
		String property = createProperty("Gone house", "Europe/Paris", 4);

		createBooking(property, "2027-05-01", "2027-05-03", false);
		poller.drain();
		createBooking(property, "2027-05-10", "2027-05-12", false);
		poller.drain();

		assertThat(receiver.received()).hasSize(1);
		mvc.perform(asAdmin(get("/api/webhooks/subscriptions/" + id)))
			.andExpect(jsonPath("$.active").value(false))
			.andExpect(jsonPath("$.disabledReason").value(org.hamcrest.Matchers.containsString("410")));
		assertThat(count("webhook_deliveries where status = 'failed' and response_status = 410")).isEqualTo(1);
		assertThat(count("audit_events where action = 'webhook.subscription.disabled'")).isPositive();
	}

	@Test
	void aRedirectIsNotFollowedAndCountsAsAFailure() throws Exception {
		receiver.thenRedirectTo(receiver.url("127.0.0.1", "/elsewhere"));
		subscribe(receiver.url("hooks.example.com", "/in"), "[\"*\"]");

		createBooking(createProperty("Redirect house", "Europe/Paris", 4), "2027-06-01", "2027-06-03", false);
		poller.drain();

		assertThat(receiver.receivedAt("/elsewhere")).isEmpty();
		assertThat(receiver.receivedAt("/in")).hasSize(1);
		String error = jdbc.sql("select last_error from webhook_deliveries where status = 'failed'")
			.query(String.class)
			.single();
		assertThat(error).contains("redirect");
	}

	@Test
	void aReceiverThatIsDownGetsTheDeliveryWhenItIsBack() throws Exception {
		int port;
		try (ServerSocket free = new ServerSocket(0)) {
			port = free.getLocalPort();
		}
		subscribe("http://hooks.example.com:" + port + "/in", "[\"*\"]");

		createBooking(createProperty("Down house", "Europe/Paris", 4), "2027-07-01", "2027-07-03", false);
		poller.drain();
		assertThat(count("webhook_deliveries where status = 'pending' and attempts >= 1 and last_error is not null"))
			.isEqualTo(1);

		try (WebhookReceiver back = new WebhookReceiver(port)) {
			drainUntil("webhook_deliveries where status = 'delivered'", 1);
			assertThat(back.received()).hasSize(1);
		}
	}

	@Test
	void aSlowReceiverTimesOutAndTheDeliveryIsRetriedWithTheSameId() throws Exception {
		receiver.thenSlowly(Duration.ofSeconds(3));
		subscribe(receiver.url("hooks.example.com", "/in"), "[\"*\"]");

		createBooking(createProperty("Slow house", "Europe/Paris", 4), "2027-08-01", "2027-08-03", false);
		poller.drain();
		assertThat(jdbc.sql("select last_error from webhook_deliveries").query(String.class).single())
			.containsAnyOf("stopped answering", "took longer");
		drainUntil("webhook_deliveries where status = 'delivered'", 1);

		assertThat(receiver.received()).hasSizeGreaterThanOrEqualTo(2)
			.extracting(WebhookReceiver.Received::id)
			.containsOnly(receiver.received().get(0).id());
	}

	@Test
	void aTargetThatResolvesToAPrivateAddressAfterItWasSavedIsRefusedAtDelivery() throws Exception {
		subscribe(receiver.url("hooks.example.com", "/in"), "[\"*\"]");
		HOSTS.put("hooks.example.com", "10.0.0.7");

		createBooking(createProperty("Moved house", "Europe/Paris", 4), "2027-09-01", "2027-09-03", false);
		poller.drain();

		assertThat(receiver.received()).isEmpty();
		String error = jdbc.sql("select last_error from webhook_deliveries where status = 'failed'")
			.query(String.class)
			.single();
		assertThat(error).contains("private or internal");
	}

	@Test
	void aRotatedSecretSignsBesideTheNewOneAndTheLogResendsAndTests() throws Exception {
		String created = subscribe(receiver.url("hooks.example.com", "/in"), "[\"booking.created\"]");
		String id = JsonPath.read(created, "$.subscription.id");
		String old = JsonPath.read(created, "$.secret");
		String rotated = mvc.perform(asAdmin(post("/api/webhooks/subscriptions/" + id + "/rotate-secret")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.subscription.previousSecretUntil").isNotEmpty())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String next = JsonPath.read(rotated, "$.secret");

		mvc.perform(asAdmin(post("/api/webhooks/subscriptions/" + id + "/test"))).andExpect(status().isAccepted());
		poller.drain();
		WebhookReceiver.Received test = receiver.received().get(0);
		assertThat(test.text()).contains("\"type\":\"webhook.test\"");
		assertThat(test.signature().split(" ")).hasSize(2);
		assertThat(ReferenceVerifier.verifies(old, test)).isTrue();
		assertThat(ReferenceVerifier.verifies(next, test)).isTrue();

		String log = mvc.perform(asAdmin(get("/api/webhooks/subscriptions/" + id + "/deliveries?size=10")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.totalElements").value(1))
			.andExpect(jsonPath("$.content[0].status").value("delivered"))
			.andExpect(jsonPath("$.content[0].responseStatus").value(200))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(log).doesNotContain(old.substring(6)).doesNotContain(next.substring(6));
		String delivery = JsonPath.read(log, "$.content[0].id");
		mvc.perform(asAdmin(post("/api/webhooks/subscriptions/" + id + "/deliveries/" + delivery + "/resend")))
			.andExpect(status().isAccepted());
		poller.drain();
		assertThat(receiver.received()).hasSize(2).extracting(WebhookReceiver.Received::id).containsOnly(test.id());
		assertThat(receiver.received().get(1).text()).isEqualTo(test.text());
	}

	@Test
	void anInactiveOrChangedSubscriptionGetsOnlyWhatItAsksForAndDeletingRemovesItsLog() throws Exception {
		String id = JsonPath.read(subscribe(receiver.url("hooks.example.com", "/in"), "[\"booking.cancelled\"]"),
				"$.subscription.id");
		String property = createProperty("Quiet house", "Europe/Paris", 4);

		createBooking(property, "2027-10-01", "2027-10-03", false);
		assertThat(count("webhook_deliveries")).isZero();
		mvc.perform(json(asAdmin(patch("/api/webhooks/subscriptions/" + id)), "{\"active\":false}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.active").value(false));
		String booking = createBooking(property, "2027-10-10", "2027-10-12", false);
		mvc.perform(asAdmin(post("/api/bookings/" + booking + "/cancel"))).andExpect(status().is2xxSuccessful());
		assertThat(count("webhook_deliveries")).isZero();
		mvc.perform(json(asAdmin(patch("/api/webhooks/subscriptions/" + id)),
				"{\"active\":true,\"eventTypes\":[\"booking.created\"]}"))
			.andExpect(jsonPath("$.eventTypes[0]").value("booking.created"));
		createBooking(property, "2027-10-20", "2027-10-22", false);
		assertThat(count("webhook_deliveries")).isEqualTo(1);

		mvc.perform(asAdmin(delete("/api/webhooks/subscriptions/" + id))).andExpect(status().isNoContent());
		assertThat(count("webhook_deliveries")).isZero();
		mvc.perform(asAdmin(get("/api/webhooks/subscriptions/" + id))).andExpect(status().isNotFound());
	}

	@Test
	void aSubscriptionFailingForADayIsSwitchedOff() throws Exception {
		receiver.then(500);
		String id = JsonPath.read(subscribe(receiver.url("hooks.example.com", "/in"), "[\"*\"]"), "$.subscription.id");
		jdbc.sql("update webhook_subscriptions set failing_since = :since")
			.param("since", java.sql.Timestamp.from(java.time.Instant.now().minus(Duration.ofHours(25))))
			.update();

		createBooking(createProperty("Failing house", "Europe/Paris", 4), "2027-11-01", "2027-11-03", false);
		poller.drain();

		mvc.perform(asAdmin(get("/api/webhooks/subscriptions/" + id)))
			.andExpect(jsonPath("$.active").value(false))
			.andExpect(jsonPath("$.disabledReason").value(org.hamcrest.Matchers.containsString("failed since")));
		assertThat(count("webhook_deliveries where status = 'pending'")).isZero();
	}

	@Test
	void conflictsAreAnnouncedAndOldBodiesArePrunedSoTheyCannotBeResent() throws Exception {
		String id = JsonPath.read(subscribe(receiver.url("hooks.example.com", "/in"), "[\"conflict.detected\"]"),
				"$.subscription.id");
		String property = createProperty("Double house", "Europe/Paris", 4);
		String first = createBooking(property, "2027-12-01", "2027-12-05", false);
		String second = createBooking(property, "2027-12-03", "2027-12-06", true);
		poller.drain();

		assertThat(receiver.received()).hasSize(1);
		String body = receiver.received().get(0).text();
		assertThat((String) JsonPath.read(body, "$.type")).isEqualTo("conflict.detected");
		assertThat(List.of(JsonPath.<String>read(body, "$.data.bookingId"),
				JsonPath.<String>read(body, "$.data.otherBookingId")))
			.containsExactlyInAnyOrder(first, second);

		jdbc.sql("update webhook_deliveries set created_at = :old")
			.param("old", java.sql.Timestamp.from(java.time.Instant.now().minus(Duration.ofDays(8))))
			.update();
		assertThat(outbox.prune(Duration.ofDays(7), Duration.ofDays(30))).isEqualTo(1);
		String delivery = jdbc.sql("select cast(id as varchar) from webhook_deliveries").query(String.class).single();
		mvc.perform(asAdmin(get("/api/webhooks/subscriptions/" + id + "/deliveries/" + delivery)))
			.andExpect(jsonPath("$.payload").doesNotExist());
		mvc.perform(asAdmin(post("/api/webhooks/subscriptions/" + id + "/deliveries/" + delivery + "/resend")))
			.andExpect(status().isConflict());
	}

	@Test
	void theOpenApiDocumentDescribesEveryMessage() throws Exception {
		String document = mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);

		for (String type : List.of("booking.created", "booking.updated", "booking.cancelled", "conflict.detected",
				"conflict.resolved", "sync.failed", "integration.status_changed")) {
			assertThat(JsonPath.<Object>read(document, "$.webhooks['" + type + "'].post.requestBody")).as(type)
				.isNotNull();
		}
		assertThat(JsonPath.<Object>read(document,
				"$.webhooks['booking.updated'].post.requestBody.content['application/json'].schema.properties.data.properties.version"))
			.isNotNull();
		assertThat(JsonPath.<Object>read(document, "$.paths['/api/webhooks/subscriptions'].post")).isNotNull();
	}

	@Test
	void aFailedSyncAndTheStatusItChangesAreAnnounced() throws Exception {
		resetChannels();
		String secret = JsonPath.read(subscribe(receiver.url("hooks.example.com", "/in"),
				"[\"sync.failed\", \"integration.status_changed\"]"), "$.secret");
		mvc.perform(json(asAdmin(post("/api/integrations/ical/configure")), "{\"mode\":\"ical\",\"isActive\":false}"))
			.andExpect(status().isOk());
		java.util.UUID integration = jdbc.sql("select id from integrations where type = 'ical'")
			.query(java.util.UUID.class)
			.single();

		channelAccounts.recordSync(integration, java.time.Instant.now(), io.staysync.integrations.SyncOutcome.ERROR,
				"The feed answered 404 Not Found.", true);
		channelAccounts.recordSync(integration, java.time.Instant.now(), io.staysync.integrations.SyncOutcome.ERROR,
				"The feed answered 404 Not Found.", true);
		poller.drain();

		List<String> bodies = receiver.received().stream().map(WebhookReceiver.Received::text).toList();
		assertThat(receiver.received()).allMatch(request -> ReferenceVerifier.verifies(secret, request));
		assertThat(bodies).filteredOn(body -> body.contains("\"sync.failed\"")).hasSize(2).allSatisfy(body -> {
			assertThat((String) JsonPath.read(body, "$.data.error")).isEqualTo("The feed answered 404 Not Found.");
			assertThat((String) JsonPath.read(body, "$.data.channel")).isEqualTo("ical");
		});
		assertThat(bodies).filteredOn(body -> body.contains("integration.status_changed"))
			.singleElement()
			.satisfies(body -> {
				assertThat((String) JsonPath.read(body, "$.data.previousStatus")).isEqualTo("configured");
				assertThat((String) JsonPath.read(body, "$.data.status")).isEqualTo("error");
			});
		resetChannels();
	}

	private String subscribe(String url, String eventTypes) throws Exception {
		return mvc
			.perform(json(asAdmin(post("/api/webhooks/subscriptions")),
					"{\"targetUrl\":\"%s\",\"eventTypes\":%s,\"description\":\"test receiver\"}".formatted(url,
							eventTypes)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private void refused(String url, String eventTypes, String field) throws Exception {
		mvc.perform(json(asAdmin(post("/api/webhooks/subscriptions")),
				"{\"targetUrl\":\"%s\",\"eventTypes\":%s}".formatted(url, eventTypes)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.hasItem(field)));
	}

	private void drainUntil(String where, long expected) {
		await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() -> {
			poller.drain();
			return count(where) == expected;
		});
	}

}

package io.staysync.integrations;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

import io.staysync.test.ApiIntegrationTest;

import static io.staysync.security.SecurityTestSupport.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@Import(IntegrationApiIntegrationTests.Connectors.class)
class IntegrationApiIntegrationTests extends ApiIntegrationTest {

	static final String API_KEY = "ak_live_9f8e7d6c5b4a3210";

	static final String API_SECRET = "as_very-secret-value-123";

	static final String FEED = "https://www.airbnb.com/calendar/ical/4711.ics?s=6f1c0ffee5ecret";

	@TestConfiguration
	static class Connectors {

		@Bean
		FakeIcalConnector fakeIcalConnector() {
			return new FakeIcalConnector();
		}

	}

	/** One integration per type is the model: every test starts from none. */
	@BeforeEach
	void noIntegrations() {
		resetChannels();
	}

	@Test
	void theSeedsThreeExamplesWorkAsWritten() throws Exception {
		String property = createProperty("Seed Flat", "Europe/Vienna", 4);

		configure("airbnb",
				"""
						{"apiKey":"%s","apiSecret":"%s","webhookUrl":"https://pms.example.com/hooks/airbnb","isActive":true}"""
					.formatted(API_KEY, API_SECRET))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.type").value("airbnb"))
			.andExpect(jsonPath("$.status").value("configured"))
			.andExpect(jsonPath("$.mode").value("api"))
			.andExpect(jsonPath("$.isActive").value(true))
			.andExpect(jsonPath("$.apiKeyConfigured").value(true))
			.andExpect(jsonPath("$.apiKeyLast4").value("3210"))
			.andExpect(jsonPath("$.apiSecretConfigured").value(true))
			.andExpect(jsonPath("$.webhookUrl").value("https://pms.example.com/hooks/airbnb"));

		String run = JsonPath.read(body(mvc
			.perform(json(asAdmin(post("/api/integrations/airbnb/sync")),
					"{\"propertyMapping\":{\"listing-4711\":\"" + property + "\"}}"))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.status").value("running"))
			.andExpect(jsonPath("$.trigger").value("manual"))), "$.id");
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(10))
			.untilAsserted(() -> mvc.perform(asAdmin(get("/api/syncs/" + run)))
				.andExpect(jsonPath("$.status").value("error"))
				.andExpect(jsonPath("$.errorMessage").value(containsString("connect Airbnb first"))));
		mvc.perform(asAdmin(get("/api/integrations/airbnb/mappings")))
			.andExpect(jsonPath("$.content[0].externalListingId").value("listing-4711"))
			.andExpect(jsonPath("$.content[0].propertyId").value(property))
			.andExpect(jsonPath("$.content[0].exportUrl").value(containsString("/ical/")));

		// A client id and secret alone do not reach Airbnb: the host has not consented
		// yet.
		mvc.perform(asAdmin(post("/api/integrations/airbnb/test")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.ok").value(false))
			.andExpect(jsonPath("$.message").value(containsString("connect Airbnb first")));
		mvc.perform(asAdmin(get("/api/integrations/airbnb")))
			.andExpect(jsonPath("$.status").value("error"))
			.andExpect(jsonPath("$.lastSyncStatus").value("error"))
			.andExpect(jsonPath("$.mappedListings").value(1))
			.andExpect(jsonPath("$.recentSyncs[0].id").value(run));
	}

	@Test
	void secretsAreSealedInTheDatabaseAndNeverLeaveThroughTheApi() throws Exception {
		String property = createProperty("Sealed Flat", "Europe/Vienna", 4);
		StringBuilder everything = new StringBuilder();
		everything.append(body(configure("booking_com",
				"""
						{"apiKey":"%s","apiSecret":"%s","webhookSecret":"whsec_c2VjcmV0LXdlYmhvb2sta2V5LTEyMzQ1Ng==","isActive":true,"mode":"ical"}"""
					.formatted(API_KEY, API_SECRET))));
		everything.append(body(mvc.perform(json(asAdmin(put("/api/integrations/bookingcom/mappings")),
				"[{\"externalListingId\":\"room-1\",\"propertyId\":\"" + property + "\",\"importUrl\":\"" + FEED
						+ "\"}]"))));
		for (String route : List.of("/api/integrations/status", "/api/integrations/booking_com",
				"/api/integrations/bookingcom/mappings", "/api/audit?size=200")) {
			everything.append(body(mvc.perform(asAdmin(get(route))).andExpect(status().isOk())));
		}
		everything.append(body(mvc.perform(asAdmin(post("/api/integrations/booking_com/test")))));

		assertThat(everything.toString()).contains("room-1", "www.airbnb.com")
			.doesNotContain(API_KEY, API_SECRET, "c2VjcmV0LXdlYmhvb2sta2V5", "6f1c0ffee5ecret", "4711.ics");
		Map<String, Object> row = jdbc.sql("select * from integrations where type = 'booking_com'").query().singleRow();
		Map<String, Object> mapping = jdbc.sql("select * from listing_mappings where external_listing_id = 'room-1'")
			.query()
			.singleRow();
		assertThat(row.toString() + mapping).doesNotContain(API_KEY, API_SECRET, "c2VjcmV0LXdlYmhvb2sta2V5",
				"6f1c0ffee5ecret");
		assertThat(FakeIcalConnector.lastSeen.apiKey()).as("the connector gets the decrypted key").isEqualTo(API_KEY);
		assertThat(FakeIcalConnector.lastSeen.listings().get(0).importUrl()).isEqualTo(FEED);
		assertThat(FakeIcalConnector.lastSeen.toString()).doesNotContain(API_KEY, API_SECRET, FEED);
	}

	@Test
	void omittedSecretsAreKeptEmptyOnesRemovedAndAGeneratedWebhookSecretIsShownOnce() throws Exception {
		configure("airbnb", "{\"apiKey\":\"%s\",\"apiSecret\":\"%s\"}".formatted(API_KEY, API_SECRET))
			.andExpect(status().isOk());

		String generated = JsonPath.read(body(configure("airbnb", "{\"webhookSecret\":\"generate\",\"isActive\":false}")
			.andExpect(jsonPath("$.apiKeyConfigured").value(true))
			.andExpect(jsonPath("$.isActive").value(false))
			.andExpect(jsonPath("$.webhookSecretConfigured").value(true))), "$.generatedWebhookSecret");
		assertThat(generated).matches("whsec_[A-Za-z0-9+/]{32}");
		assertThat(java.util.Base64.getDecoder().decode(generated.substring(6))).hasSize(24);

		mvc.perform(asAdmin(get("/api/integrations/airbnb")))
			.andExpect(jsonPath("$.generatedWebhookSecret").doesNotExist())
			.andExpect(jsonPath("$.isActive").value(false))
			.andExpect(jsonPath("$.apiKeyConfigured").value(true));
		configure("airbnb", "{\"apiSecret\":\"\"}").andExpect(jsonPath("$.apiSecretConfigured").value(false))
			.andExpect(jsonPath("$.apiKeyConfigured").value(true));

		List<String> audit = jdbc
			.sql("select action || ' ' || details from audit_events where target = 'integration:airbnb' order by id")
			.query(String.class)
			.list();
		assertThat(audit)
			.anySatisfy(e -> assertThat(e).startsWith("integration.configured").contains("webhookSecret", "isActive"));
		assertThat(audit).anySatisfy(e -> assertThat(e).startsWith("integration.deactivated"));
		assertThat(String.join("\n", audit)).doesNotContain(API_KEY, API_SECRET, generated);
	}

	@Test
	void aConnectionTestRecordsConnectedOrErrorWithTheReason() throws Exception {
		String property = createProperty("Tested Flat", "Europe/Vienna", 4);
		configure("ical", "{\"isActive\":true}").andExpect(jsonPath("$.mode").value("ical"));
		mapping("ical", "vrbo-1", property, "https://www.vrbo.com/icalendar/abc.ics").andExpect(status().isOk());

		mvc.perform(asAdmin(post("/api/integrations/ical/test")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.ok").value(true))
			.andExpect(jsonPath("$.details[0]").value("vrbo-1: checked"))
			.andExpect(jsonPath("$.integration.status").value("connected"));

		mapping("ical", "vrbo-1", property, "https://www.vrbo.com/broken.ics").andExpect(status().isOk());
		mvc.perform(asAdmin(post("/api/integrations/ical/test")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.ok").value(false))
			.andExpect(jsonPath("$.integration.status").value("error"))
			.andExpect(jsonPath("$.integration.statusMessage").value(containsString("HTML page")));
		mvc.perform(asAdmin(get("/api/integrations/status")))
			.andExpect(jsonPath("$[?(@.type == 'ical')].status", hasItem("error")));
	}

	@Test
	void mappingsAreValidatedAndReplacedAsAWhole() throws Exception {
		String a = createProperty("Map A", "Europe/Vienna", 4);
		String b = createProperty("Map B", "Europe/Vienna", 4);
		configure("ical", "{}").andExpect(status().isOk());
		long before = count("listing_mappings");

		mvc.perform(json(asAdmin(put("/api/integrations/ical/mappings")), """
				[{"externalListingId":"x","propertyId":"%s","importUrl":"https://a.example/x.ics"},
				 {"externalListingId":"x","propertyId":"%s","importUrl":"https://a.example/y.ics"}]""".formatted(a, b)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("[1].externalListingId"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("'x' is mapped more than once")));
		mvc.perform(json(asAdmin(put("/api/integrations/ical/mappings")),
				"[{\"externalListingId\":\"y\",\"propertyId\":\"00000000-0000-0000-0000-000000000009\",\"importUrl\":\"https://a.example/y.ics\"}]"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("[0].propertyId"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("does not exist")));
		mvc.perform(json(asAdmin(put("/api/integrations/ical/mappings")),
				"[{\"externalListingId\":\"z\",\"propertyId\":\"" + a + "\"}]"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value(containsString("needs the URL of its iCal feed")));
		for (String url : List.of("ftp://a.example/x.ics", "https://user:pw@a.example/x.ics", "not a url",
				"file:///etc/passwd")) {
			mvc.perform(json(asAdmin(put("/api/integrations/ical/mappings")),
					"[{\"externalListingId\":\"z\",\"propertyId\":\"" + a + "\",\"importUrl\":\"" + url + "\"}]"))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("[0].importUrl"));
		}
		mvc.perform(json(asAdmin(put("/api/integrations/ical/mappings")),
				"[{\"externalListingId\":\"\",\"propertyId\":\"" + a + "\"}]"))
			.andExpect(status().isBadRequest());
		mvc.perform(json(asAdmin(put("/api/integrations/ical/mappings")), "{\"not\":\"a list\"}"))
			.andExpect(status().isBadRequest());
		assertThat(count("listing_mappings")).isEqualTo(before);

		mapping("ical", "keep", a, "https://a.example/keep.ics").andExpect(status().isOk());
		mvc.perform(json(asAdmin(put("/api/integrations/ical/mappings")),
				"[{\"externalListingId\":\"keep\",\"propertyId\":\"" + b
						+ "\"},{\"externalListingId\":\"new\",\"propertyId\":\"" + a
						+ "\",\"importUrl\":\"https://b.example/new.ics\"}]"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(2))
			.andExpect(jsonPath("$[0].externalListingId").value("keep"))
			.andExpect(jsonPath("$[0].propertyId").value(b))
			.andExpect(jsonPath("$[0].importUrlConfigured").value(true))
			.andExpect(jsonPath("$[0].importUrlHost").value("a.example"));
		mvc.perform(json(asAdmin(put("/api/integrations/ical/mappings")), "[]"))
			.andExpect(jsonPath("$.length()").value(0));
		mvc.perform(asAdmin(
				org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/api/properties/" + a)))
			.andExpect(status().isNoContent());
	}

	@Test
	void aMappedPropertyIsNotDeleted() throws Exception {
		String property = createProperty("Mapped Flat", "Europe/Vienna", 4);
		configure("ical", "{}").andExpect(status().isOk());
		mvc.perform(json(asAdmin(put("/api/integrations/ical/mappings")), "[]")).andExpect(status().isOk());
		mapping("ical", "guarded", property, "https://a.example/g.ics").andExpect(status().isOk());

		mvc.perform(asAdmin(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.delete("/api/properties/" + property)))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("mapped to 1 channel listing")));
		mvc.perform(json(asAdmin(put("/api/integrations/ical/mappings")), "[]")).andExpect(status().isOk());
	}

	@Test
	void badConfigurationGetsAClearAnswerAndStoresNothing() throws Exception {
		long before = count("integrations") + count("audit_events");

		mvc.perform(json(asAdmin(post("/api/integrations/expedia/configure")), "{}"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value(containsString("airbnb, booking_com (also bookingcom) and ical")));
		configure("ical", "{\"mode\":\"api\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("mode"));
		configure("airbnb", "{\"mode\":\"soap\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("mode"));
		configure("airbnb", "{\"settings\":{\"syncIntervalMinutes\":0}}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("settings.syncIntervalMinutes"));
		configure("airbnb", "{\"settings\":{\"syncIntervalMinutes\":1441}}").andExpect(status().isBadRequest());
		configure("airbnb", "{\"settings\":{\"everyMinute\":true}}").andExpect(status().isBadRequest());
		configure("airbnb", "{\"webhookUrl\":\"http://pms.example.com/hook\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("webhookUrl"));
		configure("airbnb", "{\"webhookUrl\":\"https://admin:pw@pms.example.com/hook\"}")
			.andExpect(status().isBadRequest());
		configure("airbnb", "{\"apiKey\":\"" + "k".repeat(4097) + "\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("apiKey"));
		configure("airbnb", "{\"apiKey\":\"   \"}").andExpect(status().isBadRequest());
		configure("airbnb", "{\"isActive\":\"yes please\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("isActive"));

		assertThat(count("integrations") + count("audit_events")).isEqualTo(before);
		configure("airbnb", "{\"webhookUrl\":\"http://localhost:9000/hook\",\"mode\":\"ical\"}")
			.andExpect(status().isOk());
	}

	@Test
	void rolesDecideWhoMayConfigureTestMapAndRead() throws Exception {
		String manager = unique("manager");
		String viewer = unique("viewer");
		createUser(manager, "Manager-Passw0rd-1", "MANAGER");
		createUser(viewer, "Viewer-Passw0rd-1", "VIEWER");
		String property = createProperty("Role Flat", "Europe/Vienna", 4);
		configure("ical", "{}").andExpect(status().isOk());
		String asManager = basic(manager, "Manager-Passw0rd-1");
		String asViewer = basic(viewer, "Viewer-Passw0rd-1");
		String mappingBody = "[{\"externalListingId\":\"r\",\"propertyId\":\"" + property
				+ "\",\"importUrl\":\"https://a.example/r.ics\"}]";

		mvc.perform(json(post("/api/integrations/ical/configure").header("Authorization", asManager),
				"{\"isActive\":false}"))
			.andExpect(status().isForbidden());
		mvc.perform(json(post("/api/integrations/ical/configure").header("Authorization", asViewer), "{}"))
			.andExpect(status().isForbidden());
		mvc.perform(json(put("/api/integrations/ical/mappings").header("Authorization", asViewer), mappingBody))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/integrations/ical/test").header("Authorization", asViewer))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/integrations/ical/sync").header("Authorization", asViewer))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/admin/keys/rotate").header("Authorization", asManager))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/integrations/status")).andExpect(status().isUnauthorized());

		mvc.perform(json(put("/api/integrations/ical/mappings").header("Authorization", asManager), mappingBody))
			.andExpect(status().isOk());
		mvc.perform(post("/api/integrations/ical/test").header("Authorization", asManager)).andExpect(status().isOk());
		mvc.perform(get("/api/integrations/status").header("Authorization", asViewer)).andExpect(status().isOk());
		mvc.perform(get("/api/integrations/ical").header("Authorization", asViewer)).andExpect(status().isOk());
		mvc.perform(get("/api/integrations/ical/mappings").header("Authorization", asViewer))
			.andExpect(status().isOk());
		mvc.perform(json(put("/api/integrations/ical/mappings").header("Authorization", asManager), "[]"))
			.andExpect(status().isOk());
	}

	@Test
	void onlyANewModeOrNewApiCredentialsPutATestedIntegrationBackToConfigured() throws Exception {
		String property = createProperty("Tested Flat", "Europe/Vienna", 4);
		configure("booking_com", "{\"mode\":\"ical\"}").andExpect(status().isOk());
		mapping("booking_com", "room-1", property, "https://a.example/room-1.ics").andExpect(status().isOk());
		mvc.perform(asAdmin(post("/api/integrations/booking_com/test")))
			.andExpect(jsonPath("$.integration.status").value("connected"));

		configure("booking_com",
				"""
						{"settings":{"syncIntervalMinutes":30},"webhookUrl":"https://pms.example.com/hook","webhookSecret":"generate"}""")
			.andExpect(jsonPath("$.status").value("connected"))
			.andExpect(jsonPath("$.settings.syncIntervalMinutes").value(30));
		assertThat(lastConfiguredFields()).contains("syncIntervalMinutes", "webhookUrl", "webhookSecret");

		configure("booking_com", "{\"apiKey\":\"" + API_KEY + "\"}").andExpect(jsonPath("$.status").value("configured"))
			.andExpect(jsonPath("$.statusMessage").doesNotExist());
		assertThat(lastConfiguredFields()).contains("apiKey").doesNotContain("syncIntervalMinutes", "mode");

		mvc.perform(asAdmin(post("/api/integrations/booking_com/test")))
			.andExpect(jsonPath("$.integration.status").value("connected"));
		configure("booking_com", "{\"mode\":\"api\"}").andExpect(jsonPath("$.status").value("configured"));
		assertThat(lastConfiguredFields()).contains("mode").doesNotContain("apiKey");
	}

	@Test
	void anIntervalOutsideOneMinuteToADaySaysWhichEndItMissed() throws Exception {
		configure("ical", "{\"settings\":{\"syncIntervalMinutes\":0}}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("settings.syncIntervalMinutes"))
			.andExpect(jsonPath("$.errors[0].message").value("must be at least 1 minute"));
		configure("ical", "{\"settings\":{\"syncIntervalMinutes\":1441}}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value("must be at most 1440 minutes (24 hours)"));
		configure("ical", "{\"settings\":{\"syncIntervalMinutes\":1440}}").andExpect(status().isOk())
			.andExpect(jsonPath("$.settings.syncIntervalMinutes").value(1440));
		configure("ical", "{\"settings\":{\"syncIntervalMinutes\":1}}").andExpect(status().isOk())
			.andExpect(jsonPath("$.settings.syncIntervalMinutes").value(1));
	}

	/**
	 * Databases written before the aggregates held enums keep their lower-case words, and
	 * read back as before.
	 */
	@Test
	void rowsStoredInLowerCaseReadBackAndAreWrittenTheSameWay() throws Exception {
		UUID integration = UUID.randomUUID();
		UUID run = UUID.randomUUID();
		Timestamp at = Timestamp.from(Instant.parse("2026-01-05T10:00:00Z"));
		jdbc.sql("""
				insert into integrations (id, type, status, status_message, mode, active, sync_interval_minutes,
				last_sync_at, last_sync_status, last_sync_error, created_at, updated_at, version)
				values (:id, 'booking_com', 'error', 'room-2: the feed answered 404', 'api', false, 60, :at, 'partial',
				'1 of 2 listings failed.', :at, :at, 0)""").param("id", integration).param("at", at).update();
		jdbc.sql("""
				insert into sync_runs (id, integration_id, trigger, status, started_at, completed_at, bookings_created,
				bookings_updated, bookings_cancelled, unchanged, conflicts, error_message, version)
				values (:run, :id, 'webhook', 'partial', :at, :at, 0, 0, 0, 0, 0, '1 of 2 listings failed.', 0)""")
			.param("run", run)
			.param("id", integration)
			.param("at", at)
			.update();
		jdbc.sql("""
				insert into sync_run_listings (sync_run_id, position, external_listing_id, status, bookings_created,
				bookings_updated, bookings_cancelled, unchanged, conflicts, message)
				values (:run, 0, 'room-1', 'not_modified', 0, 0, 0, 0, 0, null),
				(:run, 1, 'room-2', 'error', 0, 0, 0, 0, 0, 'the feed answered 404')""").param("run", run).update();

		mvc.perform(asAdmin(get("/api/integrations/bookingcom")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.type").value("booking_com"))
			.andExpect(jsonPath("$.status").value("error"))
			.andExpect(jsonPath("$.mode").value("api"))
			.andExpect(jsonPath("$.lastSyncStatus").value("partial"))
			.andExpect(jsonPath("$.recentSyncs[0].trigger").value("webhook"))
			.andExpect(jsonPath("$.recentSyncs[0].status").value("partial"))
			.andExpect(jsonPath("$.recentSyncs[0].listings[0].status").value("not_modified"))
			.andExpect(jsonPath("$.recentSyncs[0].listings[1].status").value("error"));

		configure("booking_com", "{\"mode\":\"ical\"}").andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("configured"));
		assertThat(jdbc.sql("select type, mode, status, last_sync_status from integrations where id = :id")
			.param("id", integration)
			.query((row, n) -> List.of(row.getString(1), row.getString(2), row.getString(3), row.getString(4)))
			.single()).containsExactly("booking_com", "ical", "configured", "partial");
	}

	private String lastConfiguredFields() {
		return jdbc
			.sql("select details from audit_events where action = 'integration.configured' order by id desc limit 1")
			.query(String.class)
			.single();
	}

	private ResultActions configure(String type, String body) throws Exception {
		return mvc.perform(json(asAdmin(post("/api/integrations/" + type + "/configure")), body));
	}

	private ResultActions mapping(String type, String listing, String property, String url) throws Exception {
		return mvc.perform(json(asAdmin(put("/api/integrations/" + type + "/mappings")),
				"[{\"externalListingId\":\"%s\",\"propertyId\":\"%s\",\"importUrl\":\"%s\"}]".formatted(listing,
						property, url)));
	}

	private static String body(ResultActions result) throws Exception {
		return result.andReturn().getResponse().getContentAsString();
	}

}

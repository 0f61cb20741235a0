package io.staysync.integrations.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MvcResult;

import com.jayway.jsonpath.JsonPath;

import io.staysync.test.ConsoleIntegrationTest;
import io.staysync.test.FeedServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The integrations page as a manager uses it: configure with a connection test, map two
 * listings, sync and follow the run, read the history, never see a stored secret.
 */
@TestPropertySource(properties = "staysync.http.allow-private-addresses=true")
class IntegrationPagesIntegrationTests extends ConsoleIntegrationTest {

	static FeedServer feeds;

	MockHttpSession admin;

	@BeforeAll
	static void startFeeds() throws IOException {
		feeds = new FeedServer();
	}

	@AfterAll
	static void stopFeeds() {
		feeds.close();
	}

	@BeforeEach
	void clean() throws Exception {
		resetChannels();
		admin = admin();
	}

	@Test
	void configuringKeepsSecretsOutOfEveryPageAndShowsAGeneratedWebhookSecretOnce() throws Exception {
		String apiKey = "ak_live_" + "9f8e7d6c5b4a39281706";
		String dialog = body(htmx(form("/integrations/airbnb/configure", admin)).param("mode", "ICAL")
			.param("apiKey", apiKey)
			.param("apiSecret", "very-secret-value-42")
			.param("syncIntervalMinutes", "30")
			.param("active", "true")
			.param("generateWebhookSecret", "true"), 200);
		assertThat(dialog).contains("id=\"configured\"", "id=\"generated-webhook-secret\"")
			.doesNotContain(apiKey, "very-secret-value-42");
		Matcher secret = Pattern.compile(">(whsec_[A-Za-z0-9+/=]+)<").matcher(dialog);
		assertThat(secret.find()).isTrue();

		String page = page(admin, "/integrations");
		String again = page(admin, "/integrations/airbnb/configure");
		for (String html : new String[] { page, again, page(admin, "/integrations/airbnb/card") }) {
			assertThat(html).doesNotContain(apiKey, "very-secret-value-42", secret.group(1));
		}
		assertThat(page).contains("tag-configured", "every 30 min", "•••• 1706");
		assertThat(again).contains("Stored (blank keeps it)").doesNotContain("value=\"ak_");

		// A blank key keeps the stored one.
		body(htmx(form("/integrations/airbnb/configure", admin)).param("mode", "ICAL")
			.param("apiKey", "")
			.param("syncIntervalMinutes", "30")
			.param("active", "true"), 200);
		assertThat(page(admin, "/integrations")).contains("•••• 1706");
		assertThat(jdbc
			.sql("select details from audit_events where action = 'integration.configured' order by id desc limit 1")
			.query(String.class)
			.single()).doesNotContain("apiKey", "webhookUrl");
	}

	@Test
	void configureProblemsComeBackAs422NextToTheField() throws Exception {
		String html = body(htmx(form("/integrations/ical/configure", admin)).param("mode", "API")
			.param("syncIntervalMinutes", "0")
			.param("webhookUrl", "ftp://example.com/hook"), 422);
		assertThat(html).contains("must be at least 1 minute", "is-invalid");
		assertThat(count("integrations")).isZero();

		html = body(htmx(form("/integrations/ical/configure", admin)).param("mode", "API")
			.param("syncIntervalMinutes", "15"), 422);
		assertThat(html).contains("supports only");
		assertThat(count("integrations")).isZero();
	}

	@Test
	void theIntervalRuleOfTheDialogIsTheDomains() throws Exception {
		assertThat(page(admin, "/integrations/ical/configure")).contains("min=\"1\"", "max=\"1440\"");

		String html = body(htmx(form("/integrations/ical/configure", admin)).param("mode", "ICAL")
			.param("syncIntervalMinutes", "1441"), 422);
		assertThat(html).contains("must be at most 1440 minutes (24 hours)", "is-invalid");
		html = body(htmx(form("/integrations/ical/configure", admin)).param("mode", "ICAL")
			.param("syncIntervalMinutes", ""), 422);
		assertThat(html).contains("enter how often to sync, in minutes");
		assertThat(count("integrations")).isZero();

		body(htmx(form("/integrations/ical/configure", admin)).param("mode", "ICAL")
			.param("syncIntervalMinutes", "1440")
			.param("active", "true"), 200);
		assertThat(page(admin, "/integrations")).contains("every 1440 min");
	}

	@Test
	void aConnectionTestReallyFetchesTheFeedsAndSaysWhatItFound() throws Exception {
		String property = createProperty("Tested " + System.nanoTime(), "Europe/Lisbon", 4);
		feeds.serve("/test/ok.ics", FeedServer.icalFixture("airbnb-listing.ics"), "text/calendar");
		feeds.fail("/test/gone.ics", 404);
		body(htmx(form("/integrations/airbnb/configure", admin)).param("mode", "ICAL")
			.param("syncIntervalMinutes", "60")
			.param("active", "true"), 200);
		mvc.perform(json(
				asAdmin(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
					.put("/api/integrations/airbnb/mappings")),
				"[{\"externalListingId\":\"ok\",\"propertyId\":\"%s\",\"importUrl\":\"%s\"}]".formatted(property,
						feeds.url("/test/ok.ics"))))
			.andExpect(status().isOk());

		MvcResult ok = mvc.perform(htmx(form("/integrations/airbnb/test", admin)))
			.andExpect(status().isOk())
			.andExpect(header().string("HX-Trigger", "integration-changed"))
			.andReturn();
		assertThat(ok.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("Connection works.");

		mvc.perform(json(
				asAdmin(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
					.put("/api/integrations/airbnb/mappings")),
				"[{\"externalListingId\":\"gone\",\"propertyId\":\"%s\",\"importUrl\":\"%s\"}]".formatted(property,
						feeds.url("/test/gone.ics"))))
			.andExpect(status().isOk());
		String failed = body(htmx(form("/integrations/airbnb/test", admin)), 200);
		assertThat(failed).contains("Connection failed.", "404");
		assertThat(page(admin, "/integrations")).contains("tag-error");
	}

	@Test
	void mappingTwoListingsAndSyncingShowsTheRunLiveThenInTheHistoryAndOnTheCalendar() throws Exception {
		String loft = createProperty("Loft " + System.nanoTime(), "Europe/Lisbon", 4);
		String house = createProperty("House " + System.nanoTime(), "Europe/Paris", 6);
		feeds.serve("/map/airbnb.ics", FeedServer.icalFixture("airbnb-listing.ics"), "text/calendar");
		feeds.serve("/map/bdc.ics", FeedServer.icalFixture("bookingcom-room.ics"), "text/calendar");
		body(htmx(form("/integrations/ical/configure", admin)).param("mode", "ICAL")
			.param("syncIntervalMinutes", "60")
			.param("active", "true"), 200);

		String dialog = page(admin, "/integrations/ical/mapping");
		assertThat(dialog).contains("id=\"mapping-rows\"", "data-add-row", loft, house);

		// Wrong rows: unknown property, the same listing twice, a feed URL with a
		// password.
		String refused = body(htmx(form("/integrations/ical/mapping", admin)).param("rows[0].externalListingId", "a")
			.param("rows[0].propertyId", loft)
			.param("rows[0].importUrl", feeds.url("/map/airbnb.ics"))
			.param("rows[1].externalListingId", "a")
			.param("rows[1].propertyId", "00000000-0000-0000-0000-000000000001")
			.param("rows[1].importUrl", feeds.url("/map/bdc.ics")), 422);
		assertThat(refused).contains("is mapped more than once", "which does not exist", "is-invalid");
		refused = body(htmx(form("/integrations/ical/mapping", admin)).param("rows[0].externalListingId", "a")
			.param("rows[0].propertyId", loft)
			.param("rows[0].importUrl", "https://user:pw@example.com/a.ics"), 422);
		assertThat(refused).contains("without a user name or password").doesNotContain("user:pw");
		assertThat(count("listing_mappings")).isZero();

		String mapped = body(
				htmx(form("/integrations/ical/mapping", admin)).param("rows[0].externalListingId", "airbnb-4711")
					.param("rows[0].propertyId", loft)
					.param("rows[0].importUrl", feeds.url("/map/airbnb.ics"))
					.param("rows[1].externalListingId", "bdc-room")
					.param("rows[1].propertyId", house)
					.param("rows[1].importUrl", feeds.url("/map/bdc.ics")),
				200);
		assertThat(mapped).contains("Mapping saved: 2 listings.", "hx-post=\"/integrations/ical/sync\"");
		assertThat(page(admin, "/integrations/ical/mapping")).contains("Stored (127.0.0.1)")
			.doesNotContain("/map/airbnb.ics");

		String progress = body(htmx(form("/integrations/ical/sync", admin)), 200);
		Matcher run = Pattern.compile("id=\"run-([0-9a-f-]{36})\"").matcher(progress);
		assertThat(run.find()).isTrue();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> !mvc
				.perform(get("/syncs/" + run.group(1) + "/progress").session(admin).header("HX-Request", "true"))
				.andReturn()
				.getResponse()
				.getContentAsString()
				.contains("data-status=\"running\""));
		MvcResult done = mvc
			.perform(get("/syncs/" + run.group(1) + "/progress").session(admin).header("HX-Request", "true"))
			.andExpect(header().string("HX-Trigger", "sync-finished"))
			.andReturn();
		assertThat(done.getResponse().getContentAsString(StandardCharsets.UTF_8))
			.contains("data-status=\"success\"", "5 new")
			.doesNotContain("hx-trigger=\"every");

		String history = page(admin, "/integrations/ical/runs");
		assertThat(history).contains("id=\"row-" + run.group(1) + "\"", "manual", "2 listings", "airbnb-4711",
				"bdc-room");
		assertThat(page(admin, "/calendar?from=2027-01-01&to=2027-03-01")).contains("night-booked src-ICAL",
				"night-blocked src-ICAL");
		assertThat(page(admin, "/integrations")).contains("tag-connected", "2 mapped");
	}

	@Test
	void aRunningSyncShowsHowManyListingsAreDone() throws Exception {
		String loft = createProperty("Progress " + System.nanoTime(), "Europe/Lisbon", 4);
		feeds.serve("/progress/a.ics", FeedServer.icalFixture("airbnb-listing.ics"), "text/calendar");
		feeds.serve("/progress/b.ics", FeedServer.icalFixture("bookingcom-room.ics"), "text/calendar");
		feeds.hold("/progress/b.ics");
		body(htmx(form("/integrations/ical/configure", admin)).param("mode", "ICAL")
			.param("syncIntervalMinutes", "60")
			.param("active", "true"), 200);
		body(htmx(form("/integrations/ical/mapping", admin)).param("rows[0].externalListingId", "a-first")
			.param("rows[0].propertyId", loft)
			.param("rows[0].importUrl", feeds.url("/progress/a.ics"))
			.param("rows[1].externalListingId", "b-held")
			.param("rows[1].propertyId", loft)
			.param("rows[1].importUrl", feeds.url("/progress/b.ics")), 200);
		try {
			String started = body(htmx(form("/integrations/ical/sync", admin)), 200);
			Matcher run = Pattern.compile("id=\"run-([0-9a-f-]{36})\"").matcher(started);
			assertThat(run.find()).isTrue();
			await().atMost(Duration.ofSeconds(15))
				.until(() -> mvc
					.perform(get("/syncs/" + run.group(1) + "/progress").session(admin).header("HX-Request", "true"))
					.andReturn()
					.getResponse()
					.getContentAsString(StandardCharsets.UTF_8)
					.contains("1 of 2 listings done"));
			mvc.perform(get("/syncs/" + run.group(1) + "/progress").session(admin).header("HX-Request", "true"))
				.andExpect(header().doesNotExist("HX-Trigger"));
		}
		finally {
			feeds.release("/progress/b.ics");
		}
	}

	@Test
	void eachMappedListingShowsItsExportLinkWhichServesTheFeedAndSaysWhenTheChannelReadIt() throws Exception {
		String loft = createProperty("Export " + System.nanoTime(), "Europe/Lisbon", 4);
		feeds.serve("/export/a.ics", FeedServer.icalFixture("airbnb-listing.ics"), "text/calendar");
		body(htmx(form("/integrations/airbnb/configure", admin)).param("mode", "ICAL")
			.param("syncIntervalMinutes", "60")
			.param("active", "true"), 200);
		body(htmx(form("/integrations/airbnb/mapping", admin)).param("rows[0].externalListingId", "<b>4711</b>")
			.param("rows[0].propertyId", loft)
			.param("rows[0].importUrl", feeds.url("/export/a.ics")), 200);

		String page = page(admin, "/integrations");
		String link = exportLink(page);
		assertThat(page)
			.contains("Export links", "not read by the channel yet", "data-copy=\"#export-airbnb-0\"",
					"Airbnb: Calendar &gt; Availability &gt; Connect calendars &gt; Import", "&lt;b&gt;4711&lt;/b&gt;")
			.doesNotContain("<b>4711</b>", "/export/a.ics");

		String feed = mvc.perform(get(link.replace("http://localhost", "")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(feed).contains("BEGIN:VCALENDAR");
		assertThat(page(admin, "/integrations/airbnb/card")).contains("read by the channel")
			.doesNotContain("not read by the channel yet");
	}

	@Test
	void anAdministratorRegeneratesAnExportLinkTheOldOneStopsWorkingAndTheAuditSaysSo() throws Exception {
		String loft = createProperty("Regenerate " + System.nanoTime(), "Europe/Lisbon", 4);
		feeds.serve("/regenerate/a.ics", FeedServer.icalFixture("airbnb-listing.ics"), "text/calendar");
		body(htmx(form("/integrations/booking_com/configure", admin)).param("mode", "ICAL")
			.param("syncIntervalMinutes", "60")
			.param("active", "true"), 200);
		body(htmx(form("/integrations/booking_com/mapping", admin)).param("rows[0].externalListingId", "room-1")
			.param("rows[0].propertyId", loft)
			.param("rows[0].importUrl", feeds.url("/regenerate/a.ics")), 200);
		String page = page(admin, "/integrations");
		String old = exportLink(page);
		assertThat(page).contains("regenerate-export", "The old link stops working at once",
				"Booking.com extranet: Rates &amp; Availability &gt; Sync calendars");

		MockHttpSession viewer = as("VIEWER");
		assertThat(page(viewer, "/integrations")).contains(old, "copy-export").doesNotContain("regenerate-export");
		mvc.perform(htmx(form("/integrations/booking_com/export-link", viewer)).param("listing", "room-1"))
			.andExpect(status().isForbidden());
		MockHttpSession manager = as("MANAGER");
		mvc.perform(htmx(form("/integrations/booking_com/export-link", manager)).param("listing", "room-1"))
			.andExpect(status().isForbidden());
		assertThat(exportLink(page(admin, "/integrations"))).isEqualTo(old);

		mvc.perform(get(old.replace("http://localhost", ""))).andExpect(status().isOk());
		assertThat(page(admin, "/integrations/booking_com/card")).doesNotContain("not read by the channel yet");

		String card = body(htmx(form("/integrations/booking_com/export-link", admin)).param("listing", "room-1"), 200);
		String fresh = exportLink(card);
		assertThat(fresh).isNotEqualTo(old);
		assertThat(card).contains("New export link for room-1", "not read by the channel yet");
		mvc.perform(get(old.replace("http://localhost", ""))).andExpect(status().isNotFound());
		mvc.perform(get(fresh.replace("http://localhost", ""))).andExpect(status().isOk());
		assertThat(jdbc
			.sql("select details from audit_events where action = 'integration.export-token.regenerated'"
					+ " order by id desc limit 1")
			.query(String.class)
			.single()).contains("room-1").doesNotContain(old.substring(old.lastIndexOf('/') + 1, old.length() - 4));
	}

	@Test
	void onlyModesWithAConnectorAreOfferedAndApiFieldsAreHiddenInIcalMode() throws Exception {
		String dialog = page(admin, "/integrations/airbnb/configure");
		assertThat(dialog).contains("id=\"mode-ICAL\"", "id=\"mode-API\"")
			.doesNotContain("not available in this version yet");
		Matcher apiOnly = Pattern.compile("data-for-mode=\"API\" hidden=\"hidden\"").matcher(dialog);
		assertThat(apiOnly.results().count()).as("API key, secret, webhook URL and webhook secret hidden").isEqualTo(4);
		assertThat(page(admin, "/integrations/ical/configure")).doesNotContain("id=\"mode-API\"");

		// Saved in iCal mode, the hidden fields are not sent, and keep what is stored.
		body(htmx(form("/integrations/airbnb/configure", admin)).param("mode", "API")
			.param("webhookUrl", "https://hooks.example.com/staysync")
			.param("syncIntervalMinutes", "60")
			.param("active", "true"), 200);
		body(htmx(form("/integrations/airbnb/configure", admin)).param("mode", "ICAL")
			.param("syncIntervalMinutes", "60")
			.param("active", "true"), 200);
		assertThat(jdbc.sql("select webhook_url from integrations where type = 'airbnb'").query(String.class).single())
			.isEqualTo("https://hooks.example.com/staysync");
	}

	@Test
	void aChannelInApiModeOffersNoExportLinkToPasteBecauseItsNightsArePushed() throws Exception {
		String chalet = createProperty("Pushed " + System.nanoTime(), "Europe/Zurich", 4);
		mvc.perform(json(asAdmin(post("/api/integrations/booking_com/configure")),
				"{\"apiKey\":\"machine-account\",\"apiSecret\":\"s3cret-s3cret\",\"mode\":\"api\"}"))
			.andExpect(status().isOk());
		String mapped = mvc
			.perform(json(asAdmin(put("/api/integrations/booking_com/mappings")),
					"[{\"externalListingId\":\"4410021-77120001\",\"propertyId\":\"%s\"}]".formatted(chalet)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		String exportUrl = JsonPath.read(mapped, "$[0].exportUrl");

		String token = exportUrl.substring(exportUrl.lastIndexOf('/') + 1);
		String page = page(admin, "/integrations");
		assertThat(page).contains("id=\"pushed-booking_com\"", "through its API: there is no link to paste")
			.doesNotContain(token);
		assertThat(page(admin, "/integrations/property/" + chalet)).contains("4410021-77120001", "through its API")
			.doesNotContain(token);
	}

	@Test
	void aConnectionTestAnswersInTheDialogAndTestsUnsavedValuesWithoutStoringThem() throws Exception {
		String notConfigured = body(htmx(form("/integrations/booking_com/test", admin)), 200);
		assertThat(notConfigured).contains("id=\"test-outcome\"", "Connection failed.", "not configured yet");

		String property = createProperty("Unsaved " + System.nanoTime(), "Europe/Lisbon", 4);
		feeds.serve("/unsaved/ok.ics", FeedServer.icalFixture("airbnb-listing.ics"), "text/calendar");
		body(htmx(form("/integrations/booking_com/configure", admin)).param("mode", "ICAL")
			.param("syncIntervalMinutes", "60")
			.param("active", "true"), 200);
		body(htmx(form("/integrations/booking_com/mapping", admin)).param("rows[0].externalListingId", "ok")
			.param("rows[0].propertyId", property)
			.param("rows[0].importUrl", feeds.url("/unsaved/ok.ics")), 200);
		String status = jdbc.sql("select status from integrations where type = 'booking_com'")
			.query(String.class)
			.single();

		MvcResult unsaved = mvc
			.perform(htmx(form("/integrations/booking_com/test", admin)).param("mode", "API")
				.param("apiKey", "typed-but-not-saved-key")
				.param("syncIntervalMinutes", "60"))
			.andExpect(status().isOk())
			.andExpect(header().doesNotExist("HX-Trigger"))
			.andReturn();
		assertThat(unsaved.getResponse().getContentAsString(StandardCharsets.UTF_8))
			.contains("Connection failed.", "Tested the values in the form; they are not saved yet.")
			.doesNotContain("typed-but-not-saved-key");
		assertThat(jdbc.sql("select mode, status, api_key from integrations where type = 'booking_com'")
			.query((rs, n) -> rs.getString(1) + "/" + rs.getString(2) + "/" + rs.getString(3))
			.single()).isEqualTo("ical/" + status + "/null");

		String saved = body(htmx(form("/integrations/booking_com/test", admin)).param("mode", "ICAL")
			.param("syncIntervalMinutes", "60"), 200);
		assertThat(saved).contains("Connection works.", "Tested the saved setup.");
		assertThat(page(admin, "/integrations/booking_com/card")).contains("tag-connected");
	}

	@Test
	void theGettingStartedChecklistTicksEachStepAndIsGoneOnceAllAreDone() throws Exception {
		assertThat(page(admin, "/")).contains("hx-get=\"/integrations/getting-started\"");
		assertThat(page(admin, "/integrations/getting-started")).contains("id=\"getting-started\"",
				"data-step=\"channel\" data-done=\"false\"", "data-step=\"export\" data-done=\"false\"",
				"data-step=\"sync\" data-done=\"false\"");

		String loft = createProperty("Checklist " + System.nanoTime(), "Europe/Lisbon", 4);
		feeds.serve("/checklist/a.ics", FeedServer.icalFixture("airbnb-listing.ics"), "text/calendar");
		body(htmx(form("/integrations/ical/configure", admin)).param("mode", "ICAL")
			.param("syncIntervalMinutes", "60")
			.param("active", "true"), 200);
		body(htmx(form("/integrations/ical/mapping", admin)).param("rows[0].externalListingId", "vrbo-1")
			.param("rows[0].propertyId", loft)
			.param("rows[0].importUrl", feeds.url("/checklist/a.ics")), 200);
		assertThat(page(admin, "/integrations/getting-started")).contains("data-step=\"property\" data-done=\"true\"",
				"data-step=\"channel\" data-done=\"true\"", "data-step=\"mapping\" data-done=\"true\"",
				"data-step=\"export\" data-done=\"false\"", "3 of 5 done");
		assertThat(page(admin, "/integrations/attention")).contains("Nothing has synced yet")
			.doesNotContain("Every configured channel is syncing");

		mvc.perform(get(exportLink(page(admin, "/integrations")).replace("http://localhost", "")))
			.andExpect(status().isOk());
		String progress = body(htmx(form("/integrations/ical/sync", admin)), 200);
		Matcher run = Pattern.compile("id=\"run-([0-9a-f-]{36})\"").matcher(progress);
		assertThat(run.find()).isTrue();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> !page(admin, "/syncs/" + run.group(1) + "/progress").contains("data-status=\"running\""));

		assertThat(page(admin, "/integrations/getting-started")).doesNotContain("getting-started", "data-step");
		assertThat(page(admin, "/integrations/attention")).contains("Every configured channel is syncing");
	}

	@Test
	void theSameFeedMappedToTwoListingsIsWarnedAboutWhenSaved() throws Exception {
		String loft = createProperty("Same feed " + System.nanoTime(), "Europe/Lisbon", 4);
		String house = createProperty("Other feed " + System.nanoTime(), "Europe/Lisbon", 4);
		feeds.serve("/same/a.ics", FeedServer.icalFixture("airbnb-listing.ics"), "text/calendar");
		feeds.serve("/same/b.ics", FeedServer.icalFixture("bookingcom-room.ics"), "text/calendar");
		body(htmx(form("/integrations/ical/configure", admin)).param("mode", "ICAL")
			.param("syncIntervalMinutes", "60")
			.param("active", "true"), 200);
		String distinct = body(
				htmx(form("/integrations/ical/mapping", admin)).param("rows[0].externalListingId", "first")
					.param("rows[0].propertyId", loft)
					.param("rows[0].importUrl", feeds.url("/same/a.ics"))
					.param("rows[1].externalListingId", "second")
					.param("rows[1].propertyId", house)
					.param("rows[1].importUrl", feeds.url("/same/b.ics")),
				200);
		assertThat(distinct).doesNotContain("same-feed-warning");

		body(htmx(form("/integrations/airbnb/configure", admin)).param("mode", "ICAL")
			.param("syncIntervalMinutes", "60")
			.param("active", "true"), 200);
		String twice = body(htmx(form("/integrations/airbnb/mapping", admin)).param("rows[0].externalListingId", "air")
			.param("rows[0].propertyId", house)
			.param("rows[0].importUrl", feeds.url("/same/a.ics")), 200);
		assertThat(twice)
			.contains("Mapping saved: 1 listing.", "id=\"same-feed-warning\"",
					"airbnb air, ical first read the same feed", "hx-post=\"/integrations/airbnb/sync\"")
			.doesNotContain("/same/a.ics");
	}

	@Test
	void syncNowAndSyncAllFollowTheRunInADialogWhoseTitleFollowsItAndViewersSeeNeither() throws Exception {
		String loft = createProperty("Sync now " + System.nanoTime(), "Europe/Lisbon", 4);
		feeds.serve("/now/a.ics", FeedServer.icalFixture("airbnb-listing.ics"), "text/calendar");
		body(htmx(form("/integrations/ical/configure", admin)).param("mode", "ICAL")
			.param("syncIntervalMinutes", "60")
			.param("active", "true"), 200);
		body(htmx(form("/integrations/airbnb/configure", admin)).param("mode", "ICAL")
			.param("syncIntervalMinutes", "60")
			.param("active", "true"), 200);
		assertThat(page(admin, "/integrations")).contains("id=\"sync-all\"")
			.doesNotContain("id=\"sync-now-airbnb\"", "id=\"sync-now-ical\"");
		body(htmx(form("/integrations/airbnb/mapping", admin)).param("rows[0].externalListingId", "a")
			.param("rows[0].propertyId", loft)
			.param("rows[0].importUrl", feeds.url("/now/a.ics")), 200);
		body(htmx(form("/integrations/ical/mapping", admin)).param("rows[0].externalListingId", "vrbo")
			.param("rows[0].propertyId", loft)
			.param("rows[0].importUrl", "https://www.vrbo.com/icalendar/0f8c2b9e.ics"), 200);

		String page = page(admin, "/integrations");
		assertThat(page).contains("id=\"sync-now-airbnb\"", "id=\"sync-now-ical\"", "feed-source\">Vrbo</span>");
		MockHttpSession viewer = as("VIEWER");
		assertThat(page(viewer, "/integrations")).doesNotContain("id=\"sync-all\"", "id=\"sync-now-",
				"regenerate-export");
		mvc.perform(get("/integrations/sync-all").session(viewer)).andExpect(status().isForbidden());
		mvc.perform(get("/integrations/ical/sync-dialog").session(viewer)).andExpect(status().isForbidden());

		String all = page(admin, "/integrations/sync-all");
		assertThat(all)
			.contains("Syncing every channel", "hx-post=\"/integrations/ical/sync\"",
					"hx-post=\"/integrations/airbnb/sync\"")
			.doesNotContain("hx-post=\"/integrations/booking_com/sync\"");
		String dialog = page(admin, "/integrations/airbnb/sync-dialog");
		assertThat(dialog).contains("id=\"run-title\">Syncing Airbnb…</span>", "hx-post=\"/integrations/airbnb/sync\"");

		String progress = body(htmx(form("/integrations/airbnb/sync", admin)), 200);
		Matcher run = Pattern.compile("id=\"run-([0-9a-f-]{36})\"").matcher(progress);
		assertThat(run.find()).isTrue();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> !page(admin, "/syncs/" + run.group(1) + "/progress").contains("data-status=\"running\""));
		assertThat(page(admin, "/syncs/" + run.group(1) + "/progress"))
			.contains("id=\"run-title\" hx-swap-oob=\"true\">Sync finished</span>");
	}

	@Test
	void thePropertyPageLoadsItsChannelsWithEachListingsExportLinkAndLastSync() throws Exception {
		String loft = createProperty("Channels " + System.nanoTime(), "Europe/Lisbon", 4);
		String other = createProperty("Elsewhere " + System.nanoTime(), "Europe/Lisbon", 4);
		assertThat(page(admin, "/properties/" + loft)).contains("hx-get=\"/integrations/property/" + loft + "\"");
		assertThat(page(admin, "/integrations/property/" + loft)).contains("No channel listing is mapped");

		body(htmx(form("/integrations/ical/configure", admin)).param("mode", "ICAL")
			.param("syncIntervalMinutes", "60")
			.param("active", "true"), 200);
		body(htmx(form("/integrations/ical/mapping", admin)).param("rows[0].externalListingId", "<vrbo>")
			.param("rows[0].propertyId", loft)
			.param("rows[0].importUrl", "https://www.vrbo.com/icalendar/1.ics")
			.param("rows[1].externalListingId", "not-this-one")
			.param("rows[1].propertyId", other)
			.param("rows[1].importUrl", "https://calendar.google.com/calendar/ical/x/basic.ics"), 200);

		String panel = page(as("VIEWER"), "/integrations/property/" + loft);
		assertThat(panel)
			.contains("Other iCal calendars", "last sync", "never", "&lt;vrbo&gt;", "Vrbo",
					"export link not read by the channel yet", "copy-export")
			.containsPattern("value=\"http://localhost/ical/[A-Za-z0-9_-]+\\.ics\"")
			.doesNotContain("<vrbo>", "not-this-one", "vrbo.com/icalendar", "regenerate-export");
	}

	private static String exportLink(String html) {
		Matcher link = Pattern.compile("value=\"(http://localhost/ical/[A-Za-z0-9_-]+\\.ics)\"").matcher(html);
		assertThat(link.find()).as("an export link on the page").isTrue();
		return link.group(1);
	}

	private String body(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, int status)
			throws Exception {
		return mvc.perform(request)
			.andExpect(status().is(status))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

}

package io.staysync.channels.ical;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;

import com.jayway.jsonpath.JsonPath;

import io.staysync.test.ApiIntegrationTest;
import io.staysync.test.FeedServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The iCal channel end to end through real HTTP: recorded feeds served by a local server,
 * fetched by the guarded client, parsed, applied by sync runs, exported back.
 */
@Import(IcalSyncIntegrationTests.FixedClock.class)
@TestPropertySource(properties = "staysync.http.allow-private-addresses=true")
class IcalSyncIntegrationTests extends ApiIntegrationTest {

	/**
	 * The fixtures' dates are in early 2027; the tests live on the day they were
	 * recorded.
	 */
	@TestConfiguration
	static class FixedClock {

		@Bean
		@Primary
		Clock fixedClock() {
			return Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);
		}

	}

	static FeedServer feeds;

	String property;

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
		property = createProperty("Lisbon Loft " + System.nanoTime(), "Europe/Lisbon", 4);
	}

	@Test
	void airbnbReservationsBlocksUpdatesAndACancellationConfirmedBySecondMiss() throws Exception {
		feeds.serve("/airbnb/4711.ics", FeedServer.icalFixture("airbnb-listing.ics"), "text/calendar; charset=utf-8");
		connect("airbnb", "4711", feeds.url("/airbnb/4711.ics"));

		String first = syncAndWait("airbnb", "success");
		mvc.perform(asAdmin(get("/api/syncs/" + first)))
			.andExpect(jsonPath("$.bookingsCreated").value(3))
			.andExpect(jsonPath("$.listings[0].status").value("success"));
		mvc.perform(asAdmin(get("/api/bookings?propertyId=" + property + "&status=CONFIRMED")))
			.andExpect(jsonPath("$.totalElements").value(3))
			.andExpect(jsonPath("$.content[0].checkIn").value("2027-01-05"))
			.andExpect(jsonPath("$.content[0].checkOut").value("2027-01-09"))
			.andExpect(jsonPath("$.content[0].kind").value("RESERVATION"))
			.andExpect(jsonPath("$.content[0].source").value("AIRBNB"))
			.andExpect(jsonPath("$.content[0].externalReference").value("HMQ4K2ZP7X"))
			.andExpect(jsonPath("$.content[1].externalReference").value("HMZ8T3WQ1C"))
			.andExpect(jsonPath("$.content[2].kind").value("BLOCK"))
			.andExpect(jsonPath("$.content[2].checkIn").value("2027-01-20"));

		String unchanged = syncAndWait("airbnb", "success");
		mvc.perform(asAdmin(get("/api/syncs/" + unchanged)))
			.andExpect(jsonPath("$.listings[0].status").value("not_modified"));

		feeds.serve("/airbnb/4711.ics", FeedServer.icalFixture("airbnb-listing-next.ics"), "text/calendar");
		String next = syncAndWait("airbnb", "success");
		mvc.perform(asAdmin(get("/api/syncs/" + next)))
			.andExpect(jsonPath("$.bookingsUpdated").value(1))
			.andExpect(jsonPath("$.bookingsCancelled").value(0))
			.andExpect(jsonPath("$.listings[0].message").value(containsString("missing from the feed")));
		assertThat(statusByReference("HMZ8T3WQ1C")).isEqualTo("CONFIRMED");
		assertThat(jdbc.sql("select check_out from bookings where external_reference = 'HMQ4K2ZP7X'")
			.query(java.time.LocalDate.class)
			.single()).hasToString("2027-01-10");
		assertThat(count("bookings where external_reference = 'HMQ4K2ZP7X'")).isEqualTo(1);

		String confirmed = syncAndWait("airbnb", "success");
		mvc.perform(asAdmin(get("/api/syncs/" + confirmed))).andExpect(jsonPath("$.bookingsCancelled").value(1));
		assertThat(statusByReference("HMZ8T3WQ1C")).isEqualTo("CANCELLED");
	}

	@Test
	void brokenFeedsCancelNothingAndSayWhy() throws Exception {
		feeds.serve("/broken/feed.ics", FeedServer.icalFixture("airbnb-listing.ics"), "text/calendar");
		connect("airbnb", "4711", feeds.url("/broken/feed.ics"));
		syncAndWait("airbnb", "success");

		String[][] cases = { { "<!DOCTYPE html><html><body>Please log in</body></html>", "text/html", "web page" },
				{ "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART;VALUE=DATE:20270105\r\n",
						"text/calendar", "" },
				{ "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n", "text/calendar", "" },
				{ "\u0000\u0001garbage\u00ff", "application/octet-stream", "" } };
		for (String[] broken : cases) {
			feeds.serve("/broken/feed.ics", broken[0], broken[1]);
			syncAndWait("airbnb", broken[0].contains("END:VCALENDAR") ? "success" : "error");
			syncAndWait("airbnb", broken[0].contains("END:VCALENDAR") ? "success" : "error");
		}
		feeds.fail("/broken/feed.ics", 500);
		double retriedBefore = scraped("staysync_channel_retries_total{channel=\"airbnb\",reason=\"http_500\"}");
		String failed = syncAndWait("airbnb", "error");
		mvc.perform(asAdmin(get("/api/syncs/" + failed)))
			.andExpect(jsonPath("$.errorMessage").value(containsString("500")));
		assertThat(feeds.hits("/broken/feed.ics")).as("three attempts").isGreaterThanOrEqualTo(3);
		assertThat(scraped("staysync_channel_retries_total{channel=\"airbnb\",reason=\"http_500\"}") - retriedBefore)
			.as("two retries counted on /actuator/prometheus")
			.isEqualTo(2.0);

		assertThat(count("bookings where property_id = cast('" + property + "' as uuid) and status = 'CONFIRMED'"))
			.isEqualTo(3);
		mvc.perform(asAdmin(get("/api/integrations/airbnb")))
			.andExpect(jsonPath("$.status").value("error"))
			.andExpect(jsonPath("$.lastSyncError").value(containsString("500")));
	}

	@Test
	void hostileFeedsEndInAClearPerFeedErrorWhileTheOthersSync() throws Exception {
		feeds.serve("/ok/room.ics", FeedServer.icalFixture("bookingcom-room.ics"), "text/calendar");
		feeds.redirect("/evil/redirect.ics", "http://169.254.169.254/latest/meta-data/");
		feeds.serve("/evil/huge.ics", new byte[50 * 1024 * 1024], "text/calendar");
		feeds.serve("/evil/pdf.ics", "%PDF-1.7 not a calendar", "application/pdf");
		mvc.perform(json(asAdmin(post("/api/integrations/booking_com/configure")), "{\"mode\":\"ical\"}"))
			.andExpect(status().isOk());
		StringBuilder mappings = new StringBuilder("[");
		String[][] listings = { { "ok", feeds.url("/ok/room.ics") },
				{ "metadata", "http://169.254.169.254/latest/meta-data/" }, { "decimal", "http://2852039166/latest/" },
				{ "redirect", feeds.url("/evil/redirect.ics") }, { "huge", feeds.url("/evil/huge.ics") },
				{ "pdf", feeds.url("/evil/pdf.ics") } };
		for (String[] listing : listings) {
			String owner = listing[0].equals("ok") ? property
					: createProperty(listing[0] + System.nanoTime(), "Europe/Paris", 2);
			mappings.append(mappings.length() > 1 ? "," : "")
				.append("{\"externalListingId\":\"%s\",\"propertyId\":\"%s\",\"importUrl\":\"%s\"}"
					.formatted(listing[0], owner, listing[1]));
		}
		mvc.perform(json(asAdmin(put("/api/integrations/booking_com/mappings")), mappings + "]"))
			.andExpect(status().isOk());

		String run = syncAndWait("booking_com", "partial");

		String body = mvc.perform(asAdmin(get("/api/syncs/" + run)))
			.andExpect(jsonPath("$.bookingsCreated").value(2))
			.andExpect(jsonPath("$.errorMessage").value(containsString("5 of 6 listings failed")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(message(body, "ok")).isNull();
		assertThat(message(body, "metadata")).contains("169.254.169.254");
		assertThat(message(body, "decimal")).isNotBlank();
		assertThat(message(body, "redirect")).contains("169.254.169.254");
		assertThat(message(body, "huge")).containsIgnoringCase("large");
		assertThat(message(body, "pdf")).isNotBlank();
		assertThat(feeds.hits("/evil/redirect.ics")).isEqualTo(1);
	}

	@Test
	void scheduledSyncsAreDueWithinOneIntervalOfTheRealNowWhateverTheDomainClockSays() throws Exception {
		mvc.perform(json(asAdmin(post("/api/integrations/booking_com/configure")),
				"{\"mode\":\"ical\",\"settings\":{\"syncIntervalMinutes\":30}}"))
			.andExpect(status().isOk());

		await().atMost(Duration.ofSeconds(10))
			.until(() -> count("scheduled_tasks where task_name = 'integration-sync'") == 1);
		Instant due = jdbc.sql("select execution_time from scheduled_tasks where task_name = 'integration-sync'")
			.query(java.sql.Timestamp.class)
			.single()
			.toInstant();
		assertThat(due).isBetween(Instant.now().minusSeconds(5), Instant.now().plus(Duration.ofMinutes(30)));
	}

	private static String message(String run, String listing) {
		java.util.List<String> messages = JsonPath.read(run,
				"$.listings[?(@.externalListingId == '" + listing + "')].message");
		return messages.get(0);
	}

	@Test
	void oneFeedFailingLeavesTheOthersSyncing() throws Exception {
		String second = createProperty("Second " + System.nanoTime(), "Europe/Paris", 4);
		feeds.serve("/bdc/room.ics", FeedServer.icalFixture("bookingcom-room.ics"), "text/calendar");
		feeds.fail("/bdc/gone.ics", 404);
		mvc.perform(json(asAdmin(post("/api/integrations/booking_com/configure")), "{\"mode\":\"ical\"}"))
			.andExpect(status().isOk());
		mvc.perform(
				json(asAdmin(put("/api/integrations/booking_com/mappings")),
						"""
								[{"externalListingId":"room","propertyId":"%s","importUrl":"%s"},
								 {"externalListingId":"gone","propertyId":"%s","importUrl":"%s"}]""".formatted(property,
								feeds.url("/bdc/room.ics"), second, feeds.url("/bdc/gone.ics"))))
			.andExpect(status().isOk());

		String run = syncAndWait("booking_com", "partial");

		mvc.perform(asAdmin(get("/api/syncs/" + run)))
			.andExpect(jsonPath("$.bookingsCreated").value(2))
			.andExpect(jsonPath("$.listings[?(@.externalListingId == 'gone')].message")
				.value(org.hamcrest.Matchers.hasItem(containsString("404"))));
		mvc.perform(asAdmin(get("/api/bookings?propertyId=" + property)))
			.andExpect(jsonPath("$.content[0].kind").value("BLOCK"))
			.andExpect(jsonPath("$.content[0].source").value("BOOKING_COM"))
			.andExpect(jsonPath("$.content[0].checkIn").value("2027-02-01"))
			.andExpect(jsonPath("$.content[1].checkIn").value("2027-02-04"));
	}

	@Test
	void vrboFrenchTitlesAndTheConnectionTest() throws Exception {
		feeds.serve("/vrbo/fr.ics", FeedServer.icalFixture("vrbo-fr.ics"), "text/calendar");
		connect("ical", "vrbo-fr", feeds.url("/vrbo/fr.ics"));

		mvc.perform(asAdmin(post("/api/integrations/ical/test")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.ok").value(true))
			.andExpect(jsonPath("$.details[0]").value(containsString("3 events")))
			.andExpect(jsonPath("$.integration.status").value("connected"));
		syncAndWait("ical", "success");

		mvc.perform(asAdmin(get("/api/bookings?propertyId=" + property)))
			.andExpect(jsonPath("$.totalElements").value(3))
			.andExpect(jsonPath("$.content[0].kind").value("RESERVATION"))
			.andExpect(jsonPath("$.content[0].source").value("ICAL"))
			.andExpect(jsonPath("$.content[1].kind").value("BLOCK"))
			.andExpect(jsonPath("$.content[2].kind").value("BLOCK"));

		feeds.serve("/vrbo/fr.ics", "<html>login</html>", "text/html");
		mvc.perform(asAdmin(post("/api/integrations/ical/test")))
			.andExpect(jsonPath("$.ok").value(false))
			.andExpect(jsonPath("$.integration.status").value("error"));
	}

	@Test
	void theExportFeedShowsEveryOtherChannelsBookingsButNeverTheChannelsOwn() throws Exception {
		feeds.serve("/airbnb/export.ics", FeedServer.icalFixture("airbnb-listing.ics"), "text/calendar");
		connect("airbnb", "4711", feeds.url("/airbnb/export.ics"));
		syncAndWait("airbnb", "success");
		String manual = createBooking(property, "2027-02-10", "2027-02-12", false);
		String exportUrl = JsonPath.read(mvc.perform(asAdmin(get("/api/integrations/airbnb/mappings")))
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.content[0].exportUrl");
		String path = exportUrl.substring(exportUrl.indexOf("/ical/"));

		var response = mvc.perform(get(path))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", containsString("text/calendar")))
			.andExpect(header().exists("ETag"))
			.andExpect(header().string("Cache-Control", containsString("max-age")))
			.andReturn()
			.getResponse();
		String body = response.getContentAsString();
		assertThat(body).contains(manual + "@staysync").doesNotContain("HMQ4K2ZP7X").doesNotContain("Guest");
		for (String line : body.split("\r\n")) {
			assertThat(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
		}
		assertThat(body.replace("\r\n", "")).doesNotContain("\n");
		ParsedFeed parsed = new IcalFeedParser().parse(body.getBytes(java.nio.charset.StandardCharsets.UTF_8),
				"text/calendar", new ParseOptions(java.time.ZoneId.of("Europe/Lisbon"),
						java.time.LocalDate.of(2026, 11, 1), java.time.LocalDate.of(2028, 12, 31), false));
		assertThat(parsed.events()).singleElement().satisfies(event -> {
			assertThat(event.uid()).isEqualTo(manual + "@staysync");
			assertThat(event.checkIn()).hasToString("2027-02-10");
			assertThat(event.checkOut()).hasToString("2027-02-12");
		});

		mvc.perform(get(path).header("If-None-Match", response.getHeader("ETag"))).andExpect(status().isNotModified());
		mvc.perform(get("/ical/not-a-real-token-at-all-1234567890.ics")).andExpect(status().isNotFound());
		mvc.perform(get("/ical/x.ics")).andExpect(status().isNotFound());

		String regenerated = JsonPath
			.read(mvc.perform(asAdmin(post("/api/integrations/airbnb/mappings/4711/export-token")))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString(), "$.exportUrl");
		assertThat(regenerated).isNotEqualTo(exportUrl);
		mvc.perform(get(path)).andExpect(status().isNotFound());
	}

	private void connect(String type, String listing, String url) throws Exception {
		mvc.perform(json(asAdmin(post("/api/integrations/" + type + "/configure")), "{\"mode\":\"ical\"}"))
			.andExpect(status().isOk());
		mvc.perform(json(asAdmin(put("/api/integrations/" + type + "/mappings")),
				"[{\"externalListingId\":\"%s\",\"propertyId\":\"%s\",\"importUrl\":\"%s\"}]".formatted(listing,
						property, url)))
			.andExpect(status().isOk());
	}

	private String syncAndWait(String type, String expected) throws Exception {
		String run = JsonPath.read(mvc.perform(asAdmin(post("/api/integrations/" + type + "/sync")))
			.andExpect(status().isAccepted())
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.id");
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> mvc.perform(asAdmin(get("/api/syncs/" + run)))
				.andExpect(jsonPath("$.status").value(expected)));
		return run;
	}

	private String statusByReference(String reference) {
		return jdbc.sql("select status from bookings where external_reference = :r")
			.param("r", reference)
			.query(String.class)
			.single();
	}

	/**
	 * The value of one series on {@code /actuator/prometheus}, 0 when it is not there
	 * yet.
	 */
	private double scraped(String series) throws Exception {
		String text = mvc.perform(asAdmin(get("/actuator/prometheus"))).andReturn().getResponse().getContentAsString();
		Matcher value = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE).matcher(text);
		return value.find() ? Double.parseDouble(value.group(1)) : 0;
	}

}

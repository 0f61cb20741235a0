package io.staysync.channels.ical;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import com.jayway.jsonpath.JsonPath;

import io.staysync.test.ApiIntegrationTest;
import io.staysync.test.FeedServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * One sync run over a channel's listings where most feeds were written to hurt: each
 * fails alone with a message a manager can act on, the readable part of a feed with one
 * bad event is applied, and the good listings are synced. The budgets are small here so
 * that the stuck feeds cost seconds; nothing is timed, the run simply has to end. Five
 * stuck feeds of 5 seconds each use up the run's 25 seconds whatever the machine's speed,
 * so the listing after them is left for the next run: all the feeds come from one host,
 * fetched one at a time here so that this arithmetic holds (the concurrency of a run is
 * ConcurrentListingsIntegrationTests' part). (The parser's own tests read the larger
 * hostile feeds: 100,000 events, the CPU burner without a time limit.)
 */
@Import(IcalSyncIntegrationTests.FixedClock.class)
@TestPropertySource(properties = { "staysync.http.allow-private-addresses=true", "staysync.http.total-timeout=20s",
		"staysync.sync.listing-time-budget=5s", "staysync.sync.run-time-budget=25s",
		"staysync.sync.per-host-concurrency=1" })
class HostileFeedsIntegrationTests extends ApiIntegrationTest {

	static FeedServer feeds;

	@BeforeAll
	static void startFeeds() throws IOException {
		feeds = new FeedServer();
	}

	@AfterAll
	static void stopFeeds() {
		feeds.close();
	}

	@Test
	void everyHostileFeedFailsAloneAndTheOthersAreSynced() throws Exception {
		resetChannels();
		feeds.serve("/a-good.ics", FeedServer.icalFixture("bookingcom-room.ics"), "text/calendar");
		feeds.serve("/b-secondly-bomb.ics", calendar(secondlyBomb()), "text/calendar");
		feeds.serve("/c-weekly-since-1990.ics", calendar("""
				BEGIN:VEVENT
				UID:owner-weekly@pms.example
				DTSTART;VALUE=DATE:19900101
				DTEND;VALUE=DATE:19900102
				RRULE:FREQ=WEEKLY
				SUMMARY:Blocked
				END:VEVENT
				"""), "text/calendar");
		feeds.serve("/d-30000-events.ics", calendar("BEGIN:VEVENT\nDTSTART:20270101\nEND:VEVENT\n".repeat(30_000)),
				"text/calendar");
		feeds.serve("/e-10000-time-zones.ics",
				calendar(("BEGIN:VTIMEZONE\nTZID:Zone\nBEGIN:STANDARD\nDTSTART:19700101T000000\n"
						+ "TZOFFSETFROM:+0100\nTZOFFSETTO:+0100\nEND:STANDARD\nEND:VTIMEZONE\n")
					.repeat(10_000)),
				"text/calendar");
		feeds.serve("/f-long-time-zone-names.ics",
				calendar(("BEGIN:VEVENT\nDTSTART;TZID=Europe/" + "x".repeat(100_000) + ":20270105T100000\nEND:VEVENT\n")
					.repeat(20)),
				"text/calendar");
		feeds.serveWithHeaders("/g-5000-headers.ics", calendar(STAY), 5_000);
		// Slow drips, not CPU burners: a burner's cost depends on the machine (on a fast
		// one
		// it finishes within the listing budget and the run budget is never reached), a
		// drip's does not. Reading stopped by its time limit is HostileFeedTests' part.
		List<String> stuck = List.of("s1-slow-drip", "s2-slow-drip", "s3-slow-drip", "s4-slow-drip", "s5-slow-drip");
		for (String listing : stuck) {
			feeds.drip("/" + listing + ".ics", Duration.ofMillis(100));
		}
		// The same UID as the other feeds' stay: a UID is keyed per listing, so this feed
		// could never take their bookings over, whether the budget lets it be reached or
		// not.
		feeds.serve("/z-after-the-budget.ics", calendar(STAY), "text/calendar");
		List<String> listings = new java.util.ArrayList<>(List.of("a-good", "b-secondly-bomb", "c-weekly-since-1990",
				"d-30000-events", "e-10000-time-zones", "f-long-time-zone-names", "g-5000-headers"));
		listings.addAll(stuck);
		listings.add("z-after-the-budget");
		Map<String, String> properties = connect(listings);

		String run = syncAndWait();

		String body = mvc.perform(asAdmin(get("/api/syncs/" + run))).andReturn().getResponse().getContentAsString();
		assertThat(statusOf(body, "a-good")).isEqualTo("success");
		assertThat(bookings(properties.get("a-good"))).isEqualTo(2);

		assertThat(statusOf(body, "b-secondly-bomb")).isEqualTo("error");
		assertThat(message(body, "b-secondly-bomb"))
			.contains("The event bomb-0@evil.example was left out: it repeats every second (FREQ=SECONDLY)")
			.contains("10 more events were left out")
			.contains("no booking was cancelled");
		assertThat(bookings(properties.get("b-secondly-bomb"))).as("the rest of the feed applies").isEqualTo(1);

		assertThat(statusOf(body, "c-weekly-since-1990")).isEqualTo("success");
		assertThat(bookings(properties.get("c-weekly-since-1990"))).as("every Monday from 60 days back to 730 ahead")
			.isEqualTo(mondaysInTheHorizon());

		assertThat(message(body, "d-30000-events")).isEqualTo("The calendar has more than 10,000 events, the most "
				+ "Staysync reads from one feed, so none of it was used and nothing was cancelled.");
		assertThat(message(body, "e-10000-time-zones")).isEqualTo(FeedProblems.TOO_MANY_TIME_ZONES);
		assertThat(message(body, "f-long-time-zone-names")).contains("a time zone with more than 255 characters");
		assertThat(message(body, "g-5000-headers")).contains("answered with a head larger than Staysync reads");
		// each stuck feed is stopped at its own budget or the run's, or not reached when
		// the listings before it were slow
		for (String listing : stuck) {
			assertThat(message(body, listing)).as(listing)
				.isIn("Fetching and reading this listing took longer than 5 seconds, the most one listing may take "
						+ "(a feed that is very slow, stuck or too costly to read); it was stopped and nothing of it "
						+ "changed. The next sync tries again.",
						"The sync reached its time budget of 25 seconds while this listing was being fetched; it was "
								+ "stopped and nothing of it changed. The next sync tries again.",
						"Not synced this time: the sync reached its time budget of 25 seconds before this listing; "
								+ "nothing of it changed. The next sync tries again.");
		}
		assertThat(message(body, "s1-slow-drip")).as("the first stuck feed starts well within the run")
			.startsWith("Fetching and reading this listing took longer than 5 seconds");
		assertThat(message(body, "z-after-the-budget")).isEqualTo("Not synced this time: the sync reached its time "
				+ "budget of 25 seconds before this listing; nothing of it changed. The next sync tries again.");
		List<String> failedAlone = new java.util.ArrayList<>(List.of("d-30000-events", "e-10000-time-zones",
				"f-long-time-zone-names", "g-5000-headers", "z-after-the-budget"));
		failedAlone.addAll(stuck);
		for (String hostile : failedAlone) {
			assertThat(statusOf(body, hostile)).as(hostile).isEqualTo("error");
			assertThat(bookings(properties.get(hostile))).as(hostile).isZero();
		}
		assertThat(JsonPath.<String>read(body, "$.status")).isEqualTo("partial");

		// the stopped reading does not go on in the background
		await().atMost(Duration.ofSeconds(15)).until(() -> !readingOnAListingWorker());
	}

	static final String STAY = """
			BEGIN:VEVENT
			UID:stay@pms.example
			DTSTART;VALUE=DATE:20270105
			DTEND;VALUE=DATE:20270109
			SUMMARY:Reserved
			END:VEVENT
			""";

	/** Mondays whose one-night stay is within what a sync on the fixed day covers. */
	private static long mondaysInTheHorizon() {
		java.time.LocalDate today = java.time.LocalDate.of(2026, 11, 25);
		return today.minusDays(IcalConnector.DAYS_BACK + 1)
			.datesUntil(today.plusDays(IcalConnector.DAYS_AHEAD))
			.filter(day -> day.getDayOfWeek() == java.time.DayOfWeek.MONDAY)
			.count();
	}

	private static String secondlyBomb() {
		StringBuilder bomb = new StringBuilder(STAY);
		for (int i = 0; i < 20; i++) {
			bomb.append("BEGIN:VEVENT\nUID:bomb-")
				.append(i)
				.append("@evil.example\nDTSTART:20260101T000000Z\nRRULE:FREQ=SECONDLY\nEND:VEVENT\n");
		}
		return bomb.toString();
	}

	private static String calendar(String events) {
		return "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//Hostile//EN\n" + events + "END:VCALENDAR\n";
	}

	private Map<String, String> connect(List<String> listings) throws Exception {
		mvc.perform(json(asAdmin(post("/api/integrations/booking_com/configure")), "{\"mode\":\"ical\"}"))
			.andExpect(status().isOk());
		Map<String, String> properties = new java.util.HashMap<>();
		StringBuilder mappings = new StringBuilder("[");
		for (String listing : listings) {
			String property = createProperty(listing + " " + System.nanoTime(), "Europe/Lisbon", 2);
			properties.put(listing, property);
			mappings.append(mappings.length() > 1 ? "," : "")
				.append("{\"externalListingId\":\"%s\",\"propertyId\":\"%s\",\"importUrl\":\"%s\"}".formatted(listing,
						property, feeds.url("/" + listing + ".ics")));
		}
		mvc.perform(json(asAdmin(put("/api/integrations/booking_com/mappings")), mappings + "]"))
			.andExpect(status().isOk());
		return properties;
	}

	private String syncAndWait() throws Exception {
		String run = JsonPath.read(mvc.perform(asAdmin(post("/api/integrations/booking_com/sync")))
			.andExpect(status().isAccepted())
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.id");
		await().atMost(Duration.ofSeconds(90))
			.until(() -> !"running".equals(JsonPath.read(
					mvc.perform(asAdmin(get("/api/syncs/" + run))).andReturn().getResponse().getContentAsString(),
					"$.status")));
		return run;
	}

	private long bookings(String property) {
		return jdbc.sql("select count(*) from bookings where property_id = cast(:p as uuid) and status = 'CONFIRMED'")
			.param("p", property)
			.query(Long.class)
			.single();
	}

	private static String statusOf(String run, String listing) {
		List<String> statuses = JsonPath.read(run, "$.listings[?(@.externalListingId == '" + listing + "')].status");
		return statuses.get(0);
	}

	private static String message(String run, String listing) {
		List<String> messages = JsonPath.read(run, "$.listings[?(@.externalListingId == '" + listing + "')].message");
		return messages.get(0);
	}

	/** Whether a listing worker is still reading a calendar. */
	private static boolean readingOnAListingWorker() {
		return Thread.getAllStackTraces()
			.entrySet()
			.stream()
			.filter(thread -> thread.getKey().getName().startsWith("listing-fetch-"))
			.anyMatch(thread -> Arrays.stream(thread.getValue())
				.anyMatch(frame -> frame.getClassName().startsWith("net.fortuna.ical4j")
						|| frame.getClassName().equals(IcalFeedParser.class.getName())));
	}

}

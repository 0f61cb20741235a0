package io.staysync.sync;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.TestPropertySource;

import com.jayway.jsonpath.JsonPath;

import io.staysync.test.ConsoleIntegrationTest;
import io.staysync.test.FeedServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A listing not synced within its integration's interval plus the grace is late: counted
 * by the {@code staysync.sync.listings.late} gauge and named on the dashboard's attention
 * panel, per listing (a listing whose feed fails is late while the others are not).
 */
@Import(LateListingsIntegrationTests.Clocks.class)
@TestPropertySource(properties = { "staysync.http.allow-private-addresses=true", "staysync.sync.late-grace=5m" })
class LateListingsIntegrationTests extends ConsoleIntegrationTest {

	static FeedServer feeds;

	@TestConfiguration
	static class Clocks {

		@Bean
		@Primary
		MovableClock movableClock() {
			return new MovableClock();
		}

	}

	/** The application's clock, moved on by the test. */
	static class MovableClock extends Clock {

		private volatile Instant now = Instant.parse("2026-11-25T10:00:00Z");

		void advance(Duration by) {
			now = now.plus(by);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return Clock.fixed(now, zone);
		}

		@Override
		public Instant instant() {
			return now;
		}

	}

	@org.springframework.beans.factory.annotation.Autowired
	MovableClock clock;

	@BeforeAll
	static void startFeeds() throws IOException {
		feeds = new FeedServer();
	}

	@AfterAll
	static void stopFeeds() {
		feeds.close();
	}

	@Test
	void aListingNotSyncedWithinItsIntervalAndGraceIsLateOnTheGaugeAndTheDashboard() throws Exception {
		resetChannels();
		MockHttpSession admin = admin();
		String property = createProperty("Late Loft " + System.nanoTime(), "Europe/Lisbon", 2);
		feeds.serve("/good.ics", calendar("good@pms.example"), "text/calendar");
		feeds.fail("/failing.ics", 500);
		mvc.perform(json(asAdmin(post("/api/integrations/ical/configure")),
				"{\"mode\":\"ical\",\"settings\":{\"syncIntervalMinutes\":15}}"))
			.andExpect(status().isOk());
		mvc.perform(
				json(asAdmin(put("/api/integrations/ical/mappings")),
						"""
								[{"externalListingId":"good","propertyId":"%s","importUrl":"%s"},
								 {"externalListingId":"failing","propertyId":"%s","importUrl":"%s"}]"""
							.formatted(property, feeds.url("/good.ics"), property, feeds.url("/failing.ics"))))
			.andExpect(status().isOk());

		// just mapped: not late yet
		assertThat(lateOnTheGauge()).isZero();
		assertThat(page(admin, "/integrations/attention")).doesNotContain("data-kind=\"late\"");

		// 21 minutes without a sync, more than 15 min + 5 min of grace: both are late
		clock.advance(Duration.ofMinutes(21));
		assertThat(lateOnTheGauge()).isEqualTo(2);
		assertThat(page(admin, "/integrations/attention")).contains("data-kind=\"late\"",
				"2 listings are late: not synced within their interval",
				"the sync interval of 15 min plus a grace of " + "5 min");

		// a sync fetches one; the other fails and stays late (the run's end makes the
		// gauge count again, right after the run is recorded)
		syncAndWait("partial");
		awaitLateOnTheGauge(1);
		assertThat(page(admin, "/integrations/attention"))
			.contains("1 listing is late: not synced within its interval");

		// the failing feed answers again: nothing is late
		feeds.serve("/failing.ics", calendar("other@pms.example"), "text/calendar");
		clock.advance(Duration.ofMinutes(1));
		syncAndWait("success");
		awaitLateOnTheGauge(0);
		assertThat(page(admin, "/integrations/attention")).doesNotContain("data-kind=\"late\"");

		// one more interval and grace without a sync: late again
		clock.advance(Duration.ofMinutes(21));
		assertThat(lateOnTheGauge()).isEqualTo(2);
	}

	@Test
	void theGaugeCountsAtMostEveryThirtySecondsUnlessARunEnds() throws Exception {
		resetChannels();
		String property = createProperty("Cached Loft " + System.nanoTime(), "Europe/Lisbon", 2);
		feeds.serve("/cached.ics", calendar("cached@pms.example"), "text/calendar");
		mvc.perform(json(asAdmin(post("/api/integrations/ical/configure")),
				"{\"mode\":\"ical\",\"settings\":{\"syncIntervalMinutes\":15}}"))
			.andExpect(status().isOk());
		mvc.perform(json(asAdmin(put("/api/integrations/ical/mappings")), """
				[{"externalListingId":"cached","propertyId":"%s","importUrl":"%s"}]""".formatted(property,
				feeds.url("/cached.ics"))))
			.andExpect(status().isOk());
		clock.advance(Duration.ofMinutes(21));
		syncAndWait("success");
		awaitLateOnTheGauge(0);

		// the listing's outcome turns to an error behind the gauge's back: the count it
		// read stays for 30 seconds, and only then is read again
		jdbc.sql("update sync_run_listings set status = 'error' where external_listing_id = 'cached'").update();
		clock.advance(Duration.ofSeconds(29));
		assertThat(lateOnTheGauge()).as("kept").isZero();
		clock.advance(Duration.ofSeconds(2));
		assertThat(lateOnTheGauge()).as("counted again").isEqualTo(1);
		// the count is kept on the shared clock: not for the next test
		clock.advance(Duration.ofSeconds(31));
	}

	private void awaitLateOnTheGauge(int expected) {
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(lateOnTheGauge()).isEqualTo(expected));
	}

	private double lateOnTheGauge() throws Exception {
		String text = mvc.perform(asAdmin(get("/actuator/prometheus"))).andReturn().getResponse().getContentAsString();
		Matcher value = Pattern.compile("^staysync_sync_listings_late\\{channel=\"ical\"\\} (\\S+)$", Pattern.MULTILINE)
			.matcher(text);
		assertThat(value.find()).as("the gauge is exported").isTrue();
		return Double.parseDouble(value.group(1));
	}

	private void syncAndWait(String expected) throws Exception {
		String run = JsonPath.read(mvc.perform(asAdmin(post("/api/integrations/ical/sync")))
			.andExpect(status().isAccepted())
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.id");
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> mvc.perform(asAdmin(get("/api/syncs/" + run)))
				.andExpect(jsonPath("$.status").value(expected)));
	}

	private static String calendar(String uid) {
		return """
				BEGIN:VCALENDAR
				VERSION:2.0
				PRODID:-//Small Exporter//EN
				BEGIN:VEVENT
				UID:%s
				DTSTART;VALUE=DATE:20270105
				DTEND;VALUE=DATE:20270109
				SUMMARY:Reserved
				END:VEVENT
				END:VCALENDAR
				""".formatted(uid);
	}

}

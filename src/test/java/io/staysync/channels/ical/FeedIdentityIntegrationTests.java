package io.staysync.channels.ical;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

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
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A UID is unique only within the feed that carries it: two feeds of one integration
 * numbering their events {@code 1@host, 2@host} keep their own bookings on their own
 * properties, sync after sync, and a UID gone from one feed cancels only that feed's
 * booking. And an export feed of this instance read back into the same property adds
 * nothing.
 */
@Import(FeedIdentityIntegrationTests.FixedClock.class)
@TestPropertySource(properties = "staysync.http.allow-private-addresses=true")
class FeedIdentityIntegrationTests extends ApiIntegrationTest {

	@TestConfiguration
	static class FixedClock {

		@Bean
		@Primary
		Clock fixedClock() {
			return Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);
		}

	}

	static FeedServer feeds;

	String cottage;

	String loft;

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
		cottage = createProperty("Cottage " + System.nanoTime(), "Europe/Lisbon", 4);
		loft = createProperty("Loft " + System.nanoTime(), "Europe/Lisbon", 4);
	}

	@Test
	void twoFeedsCarryingTheSameUidsKeepTwoBookingsOnTheirOwnPropertiesSyncAfterSync() throws Exception {
		feeds.serve("/cottage.ics", calendar("20261125T000000Z", event("1@host", "20270105", "20270109"),
				event("2@host", "20270201", "20270204")), "text/calendar");
		feeds.serve("/loft.ics", calendar("20261125T000000Z", event("1@host", "20270310", "20270312"),
				event("2@host", "20270415", "20270420")), "text/calendar");
		connect(List.of("cottage", "loft"), List.of(cottage, loft));

		String first = syncAndWait("success");
		mvc.perform(asAdmin(get("/api/syncs/" + first))).andExpect(jsonPath("$.bookingsCreated").value(4));
		assertBothFeedsKept();

		// not modified (the feed server answers 304 to its own ETag)
		String second = syncAndWait("success");
		mvc.perform(asAdmin(get("/api/syncs/" + second)))
			.andExpect(jsonPath("$.bookingsCreated").value(0))
			.andExpect(jsonPath("$.bookingsUpdated").value(0));
		assertBothFeedsKept();

		// changed bytes, same events: both feeds are read and applied again
		feeds.serve("/cottage.ics", calendar("20261125T090000Z", event("1@host", "20270105", "20270109"),
				event("2@host", "20270201", "20270204")), "text/calendar");
		feeds.serve("/loft.ics", calendar("20261125T090000Z", event("1@host", "20270310", "20270312"),
				event("2@host", "20270415", "20270420")), "text/calendar");
		String third = syncAndWait("success");
		mvc.perform(asAdmin(get("/api/syncs/" + third)))
			.andExpect(jsonPath("$.bookingsCreated").value(0))
			.andExpect(jsonPath("$.bookingsUpdated").value(0))
			.andExpect(jsonPath("$.unchanged").value(4));
		assertBothFeedsKept();
	}

	@Test
	void aUidGoneFromOneFeedCancelsOnlyThatFeedsBooking() throws Exception {
		feeds.serve("/cottage.ics", calendar("20261125T000000Z", event("1@host", "20270105", "20270109"),
				event("2@host", "20270201", "20270204")), "text/calendar");
		feeds.serve("/loft.ics", calendar("20261125T000000Z", event("1@host", "20270310", "20270312"),
				event("2@host", "20270415", "20270420")), "text/calendar");
		connect(List.of("cottage", "loft"), List.of(cottage, loft));
		syncAndWait("success");

		feeds.serve("/cottage.ics", calendar("20261125T010000Z", event("2@host", "20270201", "20270204")),
				"text/calendar");
		syncAndWait("success");
		String confirmed = syncAndWait("success");

		mvc.perform(asAdmin(get("/api/syncs/" + confirmed))).andExpect(jsonPath("$.bookingsCancelled").value(1));
		assertThat(stays()).containsExactlyInAnyOrder(tuple(cottage, "1@host", "2027-01-05", "CANCELLED"),
				tuple(cottage, "2@host", "2027-02-01", "CONFIRMED"), tuple(loft, "1@host", "2027-03-10", "CONFIRMED"),
				tuple(loft, "2@host", "2027-04-15", "CONFIRMED"));
	}

	@Test
	void anExportFeedOfThisInstanceReadBackIntoItsOwnPropertyAddsNothingButBlocksAnother() throws Exception {
		String manual = createBooking(cottage, "2027-02-10", "2027-02-12", false);
		connect(List.of("cottage-self", "loft-linked"), List.of(cottage, loft));
		List<String> exportUrls = JsonPath.read(mvc.perform(asAdmin(get("/api/integrations/ical/mappings")))
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.content[?(@.externalListingId == 'cottage-self')].exportUrl");
		String exportUrl = exportUrls.get(0);
		String export = mvc.perform(get(exportUrl.substring(exportUrl.indexOf("/ical/"))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(export).contains(manual + "@staysync");
		feeds.serve("/cottage-self.ics", export, "text/calendar");
		feeds.serve("/loft-linked.ics", export, "text/calendar");

		syncAndWait("success");
		syncAndWait("success");

		assertThat(count("bookings where property_id = cast('" + cottage + "' as uuid)")).as("only the manual stay")
			.isEqualTo(1);
		assertThat(stays()).containsExactly(tuple(loft, manual + "@staysync", "2027-02-10", "CONFIRMED"));
	}

	private void assertBothFeedsKept() {
		assertThat(stays()).containsExactlyInAnyOrder(tuple(cottage, "1@host", "2027-01-05", "CONFIRMED"),
				tuple(cottage, "2@host", "2027-02-01", "CONFIRMED"), tuple(loft, "1@host", "2027-03-10", "CONFIRMED"),
				tuple(loft, "2@host", "2027-04-15", "CONFIRMED"));
	}

	/**
	 * Every imported booking of this test's properties as (property, UID, check-in,
	 * status).
	 */
	private List<org.assertj.core.groups.Tuple> stays() {
		return jdbc.sql("""
				select property_id, external_id, check_in, status from bookings
				where external_id is not null and property_id in (cast(:cottage as uuid), cast(:loft as uuid))
				order by property_id, external_id""")
			.param("cottage", cottage)
			.param("loft", loft)
			.query((row, n) -> tuple(row.getString("property_id"), row.getString("external_id"),
					row.getString("check_in"), row.getString("status")))
			.list();
	}

	private static String event(String uid, String checkIn, String checkOut) {
		return """
				BEGIN:VEVENT
				UID:%s
				DTSTART;VALUE=DATE:%s
				DTEND;VALUE=DATE:%s
				SUMMARY:Reserved
				END:VEVENT
				""".formatted(uid, checkIn, checkOut);
	}

	private static String calendar(String stamp, String... events) {
		return "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//Small Exporter//EN\nX-STAMP:" + stamp + "\n"
				+ String.join("", events) + "END:VCALENDAR\n";
	}

	private void connect(List<String> listings, List<String> properties) throws Exception {
		mvc.perform(json(asAdmin(post("/api/integrations/ical/configure")), "{\"mode\":\"ical\"}"))
			.andExpect(status().isOk());
		StringBuilder mappings = new StringBuilder("[");
		for (int i = 0; i < listings.size(); i++) {
			mappings.append(i > 0 ? "," : "")
				.append("{\"externalListingId\":\"%s\",\"propertyId\":\"%s\",\"importUrl\":\"%s\"}"
					.formatted(listings.get(i), properties.get(i), feeds.url("/" + listings.get(i) + ".ics")));
		}
		mvc.perform(json(asAdmin(put("/api/integrations/ical/mappings")), mappings + "]")).andExpect(status().isOk());
	}

	private String syncAndWait(String expected) throws Exception {
		String run = JsonPath.read(mvc.perform(asAdmin(post("/api/integrations/ical/sync")))
			.andExpect(status().isAccepted())
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.id");
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> mvc.perform(asAdmin(get("/api/syncs/" + run)))
				.andExpect(jsonPath("$.status").value(expected)));
		return run;
	}

}

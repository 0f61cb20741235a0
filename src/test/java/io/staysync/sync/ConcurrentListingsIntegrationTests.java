package io.staysync.sync;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import com.jayway.jsonpath.JsonPath;

import io.staysync.sync.internal.RunProgress;
import io.staysync.test.ApiIntegrationTest;
import io.staysync.test.FeedServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A run of many iCal listings on two hosts (two loopback addresses), each answering
 * slowly: the servers count how many requests they answer at once, and the run never has
 * more than 5 open overall nor 3 on one host, while one listing that fails and one that
 * is stuck fail alone. Concurrency is counted by the servers; nothing is timed.
 */
@TestPropertySource(properties = { "staysync.http.allow-private-addresses=true", "staysync.sync.listing-concurrency=5",
		"staysync.sync.per-host-concurrency=3", "staysync.sync.listing-time-budget=3s" })
class ConcurrentListingsIntegrationTests extends ApiIntegrationTest {

	static FeedServer first;

	static FeedServer second;

	static final FeedServer.InFlight overall = new FeedServer.InFlight();

	@Autowired
	RunProgress progress;

	@BeforeAll
	static void startFeeds() throws IOException {
		first = new FeedServer("127.0.0.1");
		second = new FeedServer("127.0.0.2");
		for (FeedServer server : List.of(first, second)) {
			server.slowDown(Duration.ofMillis(150));
			server.alsoCount(overall);
		}
	}

	@AfterAll
	static void stopFeeds() {
		first.close();
		second.close();
	}

	@Test
	void manyListingsAtOnceWithinBothCapsAndTheFailingOnesAlone() throws Exception {
		resetChannels();
		List<String> listings = new ArrayList<>();
		Map<String, String> urls = new HashMap<>();
		for (int i = 0; i < 24; i++) {
			FeedServer server = i % 2 == 0 ? first : second;
			String listing = "room-%02d".formatted(i);
			server.serve("/" + listing + ".ics", calendar(listing, i), "text/calendar");
			listings.add(listing);
			urls.put(listing, server.url("/" + listing + ".ics"));
		}
		first.fail("/room-04.ics", 404);
		second.drip("/room-07.ics", Duration.ofMillis(200));
		Map<String, String> properties = connect(listings, urls);

		String run = syncAndWait();

		String body = mvc.perform(asAdmin(get("/api/syncs/" + run))).andReturn().getResponse().getContentAsString();
		assertThat(overall.max()).as("at most 5 feeds fetched at once").isLessThanOrEqualTo(5).isGreaterThan(1);
		assertThat(first.inFlight().max()).as("at most 3 at once from 127.0.0.1").isLessThanOrEqualTo(3);
		assertThat(second.inFlight().max()).as("at most 3 at once from 127.0.0.2").isLessThanOrEqualTo(3);
		assertThat(JsonPath.<List<String>>read(body, "$.listings[*].externalListingId"))
			.as("in mapping order (by listing id)")
			.isEqualTo(listings);
		assertThat(JsonPath.<String>read(body, "$.status")).isEqualTo("partial");
		assertThat(statusOf(body, "room-04")).isEqualTo("error");
		assertThat(statusOf(body, "room-07")).isEqualTo("error");
		assertThat(message(body, "room-07")).startsWith("Fetching and reading this listing took longer than 3 seconds");
		for (String listing : listings) {
			if (!listing.equals("room-04") && !listing.equals("room-07")) {
				assertThat(statusOf(body, listing)).as(listing).isEqualTo("success");
				assertThat(bookings(properties.get(listing))).as(listing).isEqualTo(1);
			}
		}
		assertThat(progress.of(UUID.fromString(run))).hasValueSatisfying(done -> {
			assertThat(done.total()).isEqualTo(24);
			assertThat(done.done()).isEqualTo(24);
		});
	}

	private static String calendar(String listing, int day) {
		DateTimeFormatter basic = DateTimeFormatter.BASIC_ISO_DATE;
		LocalDate checkIn = LocalDate.now().plusDays(20 + day);
		return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\nBEGIN:VEVENT\r\nUID:" + listing
				+ "@concurrent.example\r\nDTSTART;VALUE=DATE:" + basic.format(checkIn) + "\r\nDTEND;VALUE=DATE:"
				+ basic.format(checkIn.plusDays(2)) + "\r\nSUMMARY:Reserved\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
	}

	private Map<String, String> connect(List<String> listings, Map<String, String> urls) throws Exception {
		mvc.perform(json(asAdmin(post("/api/integrations/booking_com/configure")), "{\"mode\":\"ical\"}"))
			.andExpect(status().isOk());
		Map<String, String> properties = new HashMap<>();
		StringBuilder mappings = new StringBuilder("[");
		for (String listing : listings) {
			String property = createProperty(listing + " " + System.nanoTime(), "Europe/Lisbon", 2);
			properties.put(listing, property);
			mappings.append(mappings.length() > 1 ? "," : "")
				.append("{\"externalListingId\":\"%s\",\"propertyId\":\"%s\",\"importUrl\":\"%s\"}".formatted(listing,
						property, urls.get(listing)));
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
		await().atMost(Duration.ofSeconds(60))
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

}

package io.staysync.sync;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import com.jayway.jsonpath.JsonPath;

import io.micrometer.core.instrument.MeterRegistry;
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
 * A run bigger than the chunk size, shared by two instances on one PostgreSQL schema (the
 * test's context and a second application context beside it): both instances sync chunks,
 * every listing is synced and recorded once, and the run ends once with the totals of all
 * chunks. A chunk held by an instance that stopped beating is claimed again and nothing
 * of it is lost.
 */
@TestPropertySource(properties = { "staysync.http.allow-private-addresses=true", "staysync.sync.chunk-size=10",
		"staysync.sync.chunk-poll-interval=200ms", "staysync.sync.listing-concurrency=2",
		"staysync.sync.per-host-concurrency=2" })
class ChunkedRunIntegrationTests extends ApiIntegrationTest {

	static FeedServer feeds;

	@Autowired
	MeterRegistry registry;

	@Autowired
	RunProgress progress;

	@BeforeAll
	static void startFeeds() throws IOException {
		feeds = new FeedServer("127.0.0.1");
		feeds.slowDown(Duration.ofMillis(60));
	}

	@AfterAll
	static void stop() {
		feeds.close();
	}

	@Test
	void aChunkHeldByADeadInstanceIsClaimedAgainAndNothingIsLost() throws Exception {
		resetChannels();
		List<String> listings = listings("orphan", 30);
		Map<String, String> properties = connect(listings);
		feeds.slowDown(Duration.ofMillis(150));
		double before = chunksCompleted();
		try {
			String run = start();
			await().atMost(Duration.ofSeconds(20)).until(() -> chunks(run) == 3);
			int seized = jdbc.sql("""
					update sync_run_chunks set state = 'claimed', claim = :claim, claimed_by = 'dead-instance',
					claims = 1, heartbeat_at = :long_ago where sync_run_id = cast(:run as uuid) and chunk = 2
					and state = 'open'""")
				.param("claim", UUID.randomUUID())
				.param("long_ago", java.sql.Timestamp.from(Instant.now().minus(Duration.ofHours(1))))
				.param("run", run)
				.update();
			assertThat(seized).as("the last chunk was still open when the dead instance 'claimed' it").isEqualTo(1);
			// the dead instance had synced and counted 7 of its listings before it died
			jdbc.sql(
					"update sync_run_chunks set listings_done = 7 where sync_run_id = cast(:run as uuid) and chunk = 2")
				.param("run", run)
				.update();
			await().atMost(Duration.ofSeconds(90)).until(() -> {
				RunProgress.Progress now = progress.of(UUID.fromString(run)).orElseThrow();
				assertThat(now.done()).as("progress never passes the total").isLessThanOrEqualTo(now.total());
				return !"running".equals(JsonPath.read(
						mvc.perform(asAdmin(get("/api/syncs/" + run))).andReturn().getResponse().getContentAsString(),
						"$.status"));
			});
			assertThat(progress.of(UUID.fromString(run)))
				.as("each listing counted once, the ones synced again after the reclaim too")
				.contains(new RunProgress.Progress(30, 30));
			String body = mvc.perform(asAdmin(get("/api/syncs/" + run))).andReturn().getResponse().getContentAsString();
			assertEndedOnceWithEveryListing(run, body, listings, properties);
			assertThat(chunksCompleted() - before).as("the dead instance's chunk completed by a live one too")
				.isEqualTo(3);
		}
		finally {
			feeds.slowDown(Duration.ofMillis(60));
		}
	}

	@Test
	void anInstanceWorksOnOneChunkAtATime() throws Exception {
		resetChannels();
		List<String> listings = listings("one-at-a-time", 40);
		Map<String, String> properties = connect(listings);
		feeds.slowDown(Duration.ofMillis(150));
		Map<String, Long> most = new ConcurrentHashMap<>();
		try {
			String run = start();
			// the run's starter and the chunk poller (every 200 ms) would both claim one
			await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(20)).until(() -> {
				jdbc.sql("""
						select claimed_by, count(*) from sync_run_chunks where sync_run_id = cast(:run as uuid)
						and state = 'claimed' group by claimed_by""")
					.param("run", run)
					.query((row, n) -> Map.entry(row.getString(1), row.getLong(2)))
					.list()
					.forEach(held -> most.merge(held.getKey(), held.getValue(), Math::max));
				return !"running".equals(JsonPath.read(
						mvc.perform(asAdmin(get("/api/syncs/" + run))).andReturn().getResponse().getContentAsString(),
						"$.status"));
			});
			String body = mvc.perform(asAdmin(get("/api/syncs/" + run))).andReturn().getResponse().getContentAsString();
			assertEndedOnceWithEveryListing(run, body, listings, properties);
			assertThat(most).as("chunks seen claimed").isNotEmpty();
			assertThat(most.values()).as("chunks held at once by each instance").allMatch(held -> held == 1);
		}
		finally {
			feeds.slowDown(Duration.ofMillis(60));
		}
	}

	void assertEndedOnceWithEveryListing(String run, String body, List<String> listings,
			Map<String, String> properties) {
		assertThat(JsonPath.<String>read(body, "$.status")).isEqualTo("success");
		assertThat(JsonPath.<Integer>read(body, "$.bookingsCreated")).isEqualTo(listings.size());
		assertThat(jdbc.sql("""
				select external_listing_id from sync_run_listings where sync_run_id = cast(:run as uuid)
				order by position""").param("run", run).query(String.class).list())
			.as("each listing recorded once, in mapping order")
			.isEqualTo(listings);
		for (String listing : listings) {
			assertThat(bookings(properties.get(listing))).as(listing).isEqualTo(1);
		}
		assertThat(chunks(run)).as("the chunks are gone with the run's end").isZero();
		assertThat(jdbc.sql("select count(*) from sync_runs where id = cast(:run as uuid) and version = 1")
			.param("run", run)
			.query(Long.class)
			.single()).as("saved once when started and once when it ended").isEqualTo(1);
	}

	/** Chunks completed by the instances of this test. */
	double chunksCompleted() {
		return completed(registry);
	}

	static double completed(MeterRegistry registry) {
		return registry.counter("staysync.sync.chunks", "outcome", "completed").count();
	}

	long chunks(String run) {
		return jdbc.sql("select count(*) from sync_run_chunks where sync_run_id = cast(:run as uuid)")
			.param("run", run)
			.query(Long.class)
			.single();
	}

	static List<String> listings(String prefix, int count) {
		List<String> listings = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String listing = "%s-%02d".formatted(prefix, i);
			feeds.serve("/" + listing + ".ics", calendar(listing, i), "text/calendar");
			listings.add(listing);
		}
		return listings;
	}

	private static String calendar(String listing, int day) {
		DateTimeFormatter basic = DateTimeFormatter.BASIC_ISO_DATE;
		LocalDate checkIn = LocalDate.now().plusDays(20 + day);
		return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\nBEGIN:VEVENT\r\nUID:" + listing
				+ "@chunked.example\r\nDTSTART;VALUE=DATE:" + basic.format(checkIn) + "\r\nDTEND;VALUE=DATE:"
				+ basic.format(checkIn.plusDays(2)) + "\r\nSUMMARY:Reserved\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
	}

	Map<String, String> connect(List<String> listings) throws Exception {
		mvc.perform(json(asAdmin(post("/api/integrations/booking_com/configure")), "{\"mode\":\"ical\"}"))
			.andExpect(status().isOk());
		Map<String, String> properties = new HashMap<>();
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

	String start() throws Exception {
		return JsonPath.read(mvc.perform(asAdmin(post("/api/integrations/booking_com/sync")))
			.andExpect(status().isAccepted())
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.id");
	}

	String syncAndWait() throws Exception {
		String run = start();
		awaitEnd(run);
		return run;
	}

	void awaitEnd(String run) {
		await().atMost(Duration.ofSeconds(90))
			.until(() -> !"running".equals(JsonPath.read(
					mvc.perform(asAdmin(get("/api/syncs/" + run))).andReturn().getResponse().getContentAsString(),
					"$.status")));
	}

	private long bookings(String property) {
		return jdbc.sql("select count(*) from bookings where property_id = cast(:p as uuid) and status = 'CONFIRMED'")
			.param("p", property)
			.query(Long.class)
			.single();
	}

}

package io.staysync.sync;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import com.jayway.jsonpath.JsonPath;

import io.staysync.sync.ScriptedConnector.Answer;
import io.staysync.sync.ScriptedConnector.Stay;
import io.staysync.test.ApiIntegrationTest;

import static io.staysync.security.SecurityTestSupport.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@Import(SyncEngineIntegrationTests.Peer.class)
@TestPropertySource(properties = { "staysync.sync.heartbeat-interval=500ms", "staysync.sync.stale-after=3s",
		"staysync.sync.stale-check-interval=1s", "staysync.scheduler.polling-interval=1s" })
class SyncEngineIntegrationTests extends ApiIntegrationTest {

	static final LocalDate SOON = LocalDate.now().plusDays(20);

	@TestConfiguration
	static class Peer {

		@Bean
		ScriptedConnector scriptedConnector() {
			return new ScriptedConnector();
		}

	}

	@Autowired
	ScriptedConnector peer;

	String property;

	@BeforeEach
	void bookingComInApiMode() throws Exception {
		peer.script.clear();
		peer.gate = null;
		resetChannels();
		property = createProperty("Synced Flat " + System.nanoTime(), "Europe/Madrid", 6);
		mvc.perform(json(asAdmin(post("/api/integrations/bookingcom/configure")),
				"{\"apiKey\":\"k-0123456789abcdef\",\"mode\":\"api\"}"))
			.andExpect(status().isOk());
	}

	@Test
	void aRunWhoseWorkerDiesMidWayIsClosedAsAbandonedAndTheNextRunEndsWhereACleanRunDoes() throws Exception {
		map("room-1", "room-2", "room-3");
		scriptThreeRooms();
		peer.crashOn = "room-2";

		String killed = start();
		assertThat(peer.crashReached.await(10, TimeUnit.SECONDS)).isTrue();
		// the listings of a run are synced side by side: room-1 and room-3 are committed
		// while room-2's worker is about to die
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(bookingsOfThisIntegration())
				.as("room-1 and room-3 were committed before the worker died")
				.hasSize(3));
		peer.crash.countDown();

		// The worker dies with an uncaught error, on purpose: that is not this test
		// failing.
		await().dontCatchUncaughtExceptions()
			.atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> mvc.perform(asAdmin(get("/api/syncs/" + killed)))
				.andExpect(jsonPath("$.status").value("error"))
				.andExpect(jsonPath("$.errorMessage")
					.value(containsString("Abandoned: the instance running this sync stopped")))
				.andExpect(jsonPath("$.completedAt").exists()));
		// the run is closed first, then recorded on the integration, in its own
		// transaction
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> mvc.perform(asAdmin(get("/api/integrations/bookingcom")))
				.andExpect(jsonPath("$.lastSyncStatus").value("error"))
				.andExpect(jsonPath("$.lastSyncError").value(containsString("Abandoned"))));
		peer.crashOn = null;
		peer.script.clear();
		scriptThreeRooms();
		String recovery = syncAndWait("success");
		mvc.perform(asAdmin(get("/api/syncs/" + recovery)))
			.andExpect(jsonPath("$.bookingsCreated").value(2))
			.andExpect(jsonPath("$.unchanged").value(3));
		List<String> afterTheCrash = bookingsOfThisIntegration();

		bookingComInApiMode();
		map("room-1", "room-2", "room-3");
		scriptThreeRooms();
		syncAndWait("success");
		List<String> clean = bookingsOfThisIntegration();

		assertThat(afterTheCrash).hasSize(5).isEqualTo(clean);
	}

	@Test
	void aRunLeftRunningByADeadInstanceNeverBlocksTheNextSync() throws Exception {
		map("room");
		peer.then("room", Answer.feed(Stay.of("AFTER", SOON, 1)));
		UUID dead = UUID.randomUUID();
		jdbc.sql("""
				insert into sync_runs (id, integration_id, trigger, status, started_at, heartbeat_at, bookings_created,
				    bookings_updated, bookings_cancelled, unchanged, conflicts, version)
				select :id, id, 'scheduled', 'running', :started, :beat, 0, 0, 0, 0, 0, 0 from integrations
				where type = 'booking_com'""")
			.param("id", dead)
			.param("started", Timestamp.from(Instant.now().minusSeconds(600)))
			.param("beat", Timestamp.from(Instant.now().minusSeconds(60)))
			.update();

		mvc.perform(asAdmin(post("/api/integrations/bookingcom/sync")))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.alreadyRunning").value(false))
			.andExpect(jsonPath("$.id").value(not(dead.toString())));
		mvc.perform(asAdmin(get("/api/syncs/" + dead)))
			.andExpect(jsonPath("$.status").value("error"))
			.andExpect(jsonPath("$.errorMessage").value(containsString("Abandoned")));
		await().atMost(Duration.ofSeconds(10)).until(() -> count("sync_runs where status = 'running'") == 0);
		assertThat(statusOf("AFTER")).isEqualTo("CONFIRMED");
	}

	private void scriptThreeRooms() {
		peer.then("room-1", Answer.feed(Stay.of("K1", SOON, 2), Stay.of("K2", SOON.plusDays(3), 2)));
		peer.then("room-2", Answer.feed(Stay.of("K3", SOON.plusDays(6), 1), Stay.of("K4", SOON.plusDays(8), 4)));
		peer.then("room-3", Answer.feed(Stay.of("K5", SOON.plusDays(13), 3)));
	}

	/**
	 * Everything about the bookings that a run decides, and their versions: a change
	 * applied twice would show.
	 */
	private List<String> bookingsOfThisIntegration() {
		return jdbc.sql("""
				select b.external_id, b.external_listing_id, b.kind, b.status, b.check_in, b.check_out, b.guest_name,
				       b.adults, b.children, b.version
				from bookings b join integrations i on i.id = b.integration_id
				where i.type = 'booking_com' order by b.external_id""")
			.query((row, n) -> String.join("|", row.getString(1), row.getString(2), row.getString(3), row.getString(4),
					row.getString(5), row.getString(6), row.getString(7), row.getString(8), row.getString(9),
					row.getString(10)))
			.list();
	}

	private String start() throws Exception {
		return JsonPath.read(mvc.perform(asAdmin(post("/api/integrations/bookingcom/sync")))
			.andExpect(status().isAccepted())
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.id");
	}

	@Test
	void oneFailingListingNeverStopsTheOthersAndTheRunSaysWhy() throws Exception {
		map("room-ok", "room-down");
		peer.then("room-ok", Answer.feed(Stay.of("R1", SOON, 2), Stay.of("R2", SOON.plusDays(5), 3)));
		peer.then("room-down", Answer.failure("The channel answered 503 Service Unavailable."));

		String run = syncAndWait("partial");

		mvc.perform(asAdmin(get("/api/syncs/" + run)))
			.andExpect(jsonPath("$.bookingsCreated").value(2))
			.andExpect(jsonPath("$.errorMessage").value(containsString("1 of 2 listings failed")))
			.andExpect(jsonPath("$.errorMessage").value(containsString("503")))
			.andExpect(jsonPath("$.listings[?(@.externalListingId == 'room-down')].status").value("error"))
			.andExpect(jsonPath("$.listings[?(@.externalListingId == 'room-ok')].bookingsCreated").value(2))
			.andExpect(jsonPath("$.durationMillis").isNumber());
		mvc.perform(asAdmin(get("/api/integrations/bookingcom")))
			.andExpect(jsonPath("$.status").value("connected"))
			.andExpect(jsonPath("$.lastSyncStatus").value("partial"))
			.andExpect(jsonPath("$.lastSyncAt").exists());
		mvc.perform(asAdmin(get("/api/integrations/bookingcom/syncs")))
			.andExpect(jsonPath("$.content[0].id").value(run))
			.andExpect(jsonPath("$.content[0].trigger").value("manual"));
		String metrics = mvc.perform(asAdmin(get("/actuator/prometheus")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(metrics)
			.contains("staysync_sync_runs_total{channel=\"booking_com\",status=\"partial\",trigger=\"manual\"}")
			.contains("staysync_sync_bookings_total{change=\"created\",channel=\"booking_com\"}")
			.contains("staysync_sync_run_duration_seconds_count{channel=\"booking_com\",status=\"partial\"}")
			.containsPattern("staysync_sync_last_success_age_seconds\\{channel=\"booking_com\"\\} [0-9.]+");
	}

	@Test
	void aBookingIsCancelledOnlyAfterTwoConsecutiveMissesFromCompleteFeeds() throws Exception {
		map("room");
		Stay a = Stay.of("A", SOON, 2);
		Stay b = Stay.of("B", SOON.plusDays(4), 2);
		peer.then("room", Answer.feed(a, b));
		peer.then("room", Answer.feed(a));
		peer.then("room", Answer.failure("timeout"));
		peer.then("room", Answer.partial());
		peer.then("room", Answer.feed(a, b));
		peer.then("room", Answer.feed(a));
		peer.then("room", Answer.feed(a));

		syncAndWait("success");
		assertThat(statusOf("B")).isEqualTo("CONFIRMED");
		String firstMiss = syncAndWait("success");
		mvc.perform(asAdmin(get("/api/syncs/" + firstMiss)))
			.andExpect(jsonPath("$.listings[0].message").value(containsString("B is missing from the feed")))
			.andExpect(jsonPath("$.bookingsCancelled").value(0));
		syncAndWait("error");
		syncAndWait("success");
		assertThat(statusOf("B")).as("failed and empty fetches count for nothing").isEqualTo("CONFIRMED");
		syncAndWait("success");
		syncAndWait("success");
		assertThat(statusOf("B")).as("reappearing reset the count").isEqualTo("CONFIRMED");
		String secondMiss = syncAndWait("success");
		mvc.perform(asAdmin(get("/api/syncs/" + secondMiss))).andExpect(jsonPath("$.bookingsCancelled").value(1));
		assertThat(statusOf("B")).isEqualTo("CANCELLED");
		assertThat(statusOf("A")).isEqualTo("CONFIRMED");
	}

	@Test
	void notModifiedConfirmsTheLastCompleteFeedAndCountsAsTheNextMiss() throws Exception {
		map("room");
		Stay a = Stay.of("NA", SOON, 2);
		Stay b = Stay.of("NB", SOON.plusDays(4), 2);
		peer.then("room", Answer.feed(a, b));
		peer.then("room", Answer.feed(a));
		peer.then("room", Answer.notModified());

		syncAndWait("success");
		syncAndWait("success");
		assertThat(statusOf("NB")).isEqualTo("CONFIRMED");
		String confirmed = syncAndWait("success");

		assertThat(statusOf("NB")).isEqualTo("CANCELLED");
		mvc.perform(asAdmin(get("/api/syncs/" + confirmed)))
			.andExpect(jsonPath("$.listings[0].status").value("not_modified"))
			.andExpect(jsonPath("$.bookingsCancelled").value(1));
	}

	@Autowired
	io.staysync.sync.internal.SyncLauncher launcher;

	@Test
	void afterFiveFailedRunsScheduledSyncsPauseButAManualSyncStillGoesThrough() throws Exception {
		map("room");
		for (int i = 0; i < 5; i++) {
			assertThat(prometheus()).as("closed before the fifth failure")
				.contains("staysync_sync_circuit_open{channel=\"booking_com\"} 0.0");
			peer.then("room", Answer.failure("The channel answered 500 Internal Server Error."));
			syncAndWait("error");
		}
		assertThat(prometheus()).contains("staysync_sync_circuit_open{channel=\"booking_com\"} 1.0");

		assertThat(launcher.runNow(io.staysync.channels.ChannelType.BOOKING_COM, SyncTrigger.SCHEDULED)).isFalse();
		assertThat(count("sync_runs where trigger = 'scheduled'")).isZero();
		mvc.perform(asAdmin(get("/api/integrations/bookingcom")))
			.andExpect(jsonPath("$.status").value("error"))
			.andExpect(jsonPath("$.statusMessage").value(containsString("paused")));

		peer.then("room", Answer.feed(Stay.of("BACK", SOON, 1)));
		syncAndWait("success");
		peer.then("room", Answer.feed(Stay.of("BACK", SOON, 1)));
		assertThat(launcher.runNow(io.staysync.channels.ChannelType.BOOKING_COM, SyncTrigger.SCHEDULED)).isTrue();
		assertThat(count("sync_runs where trigger = 'scheduled' and status = 'success'")).isEqualTo(1);
		assertThat(prometheus()).contains("staysync_sync_circuit_open{channel=\"booking_com\"} 0.0");
	}

	private String prometheus() throws Exception {
		return mvc.perform(asAdmin(get("/actuator/prometheus"))).andReturn().getResponse().getContentAsString();
	}

	@Test
	void staysThatHaveEndedAreNeverReportedMissing() throws Exception {
		map("room");
		LocalDate past = LocalDate.now().minusDays(10);
		peer.then("room", Answer.feed(Stay.of("OLD", past, 3)));
		peer.then("room", Answer.feed());
		peer.then("room", Answer.feed(Stay.of("NEW", SOON, 1)));
		peer.then("room", Answer.feed(Stay.of("NEW", SOON, 1)));

		syncAndWait("success");
		syncAndWait("success");
		syncAndWait("success");
		syncAndWait("success");

		assertThat(statusOf("OLD")).isEqualTo("CONFIRMED");
	}

	@Test
	void aRecordThatCannotBeStoredIsSkippedAndTheRestOfTheListingApplied() throws Exception {
		map("room");
		peer.then("room", Answer.feed(new Stay("BAD", SOON, SOON, false), Stay.of("GOOD", SOON, 2)));

		String run = syncAndWait("success");

		mvc.perform(asAdmin(get("/api/syncs/" + run)))
			.andExpect(jsonPath("$.bookingsCreated").value(1))
			.andExpect(jsonPath("$.listings[0].message").value(containsString("skipped BAD")));
		assertThat(statusOf("GOOD")).isEqualTo("CONFIRMED");
	}

	@Test
	void aSecondRequestWhileARunIsGoingGetsTheRunningOne() throws Exception {
		map("room");
		peer.then("room", Answer.feed(Stay.of("S", SOON, 1)));
		peer.gate = new CountDownLatch(1);

		String first = JsonPath.read(mvc.perform(asAdmin(post("/api/integrations/booking_com/sync")))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.alreadyRunning").value(false))
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.id");
		mvc.perform(asAdmin(post("/api/integrations/bookingcom/sync")))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.id").value(first))
			.andExpect(jsonPath("$.alreadyRunning").value(true))
			.andExpect(jsonPath("$.status").value("running"));
		peer.gate.countDown();
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> mvc.perform(asAdmin(get("/api/syncs/" + first)))
				.andExpect(jsonPath("$.status").value("success")));
	}

	@Test
	void syncsThatCannotStartSaySo() throws Exception {
		String noListings = syncAndWait("error");
		mvc.perform(asAdmin(get("/api/syncs/" + noListings)))
			.andExpect(jsonPath("$.errorMessage").value(containsString("No listing is mapped")));
		mvc.perform(asAdmin(get("/api/integrations/bookingcom"))).andExpect(jsonPath("$.status").value("error"));

		mvc.perform(json(asAdmin(post("/api/integrations/bookingcom/configure")), "{\"isActive\":false}"));
		mvc.perform(asAdmin(post("/api/integrations/bookingcom/sync")))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("inactive")));
		mvc.perform(asAdmin(post("/api/integrations/ical/sync"))).andExpect(status().isConflict());
		mvc.perform(asAdmin(post("/api/integrations/vrbo/sync"))).andExpect(status().isNotFound());
		mvc.perform(asAdmin(get("/api/syncs/00000000-0000-0000-0000-000000000000"))).andExpect(status().isNotFound());
		String viewer = unique("viewer");
		createUser(viewer, "Viewer-Passw0rd-1", "VIEWER");
		mvc.perform(
				post("/api/integrations/bookingcom/sync").header("Authorization", basic(viewer, "Viewer-Passw0rd-1")))
			.andExpect(status().isForbidden());
		mvc.perform(
				get("/api/integrations/bookingcom/syncs").header("Authorization", basic(viewer, "Viewer-Passw0rd-1")))
			.andExpect(status().isOk());
	}

	@Test
	void theSeedsPropertyMappingIsStoredBeforeTheRun() throws Exception {
		peer.then("seed-room", Answer.feed(Stay.of("SEED", SOON, 2)));

		String run = JsonPath.read(mvc
			.perform(json(asAdmin(post("/api/integrations/bookingcom/sync")),
					"{\"propertyMapping\":{\"seed-room\":\"" + property + "\"}}"))
			.andExpect(status().isAccepted())
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.id");
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> mvc.perform(asAdmin(get("/api/syncs/" + run)))
				.andExpect(jsonPath("$.status").value("success")));

		mvc.perform(asAdmin(get("/api/integrations/bookingcom/mappings")))
			.andExpect(jsonPath("$.content[0].externalListingId").value("seed-room"));
		assertThat(statusOf("SEED")).isEqualTo("CONFIRMED");
		mvc.perform(json(asAdmin(post("/api/integrations/bookingcom/sync")),
				"{\"propertyMapping\":{\"x\":\"not-a-uuid\"}}"))
			.andExpect(status().isBadRequest());
	}

	private void map(String... listings) throws Exception {
		StringBuilder body = new StringBuilder("[");
		for (String listing : listings) {
			body.append(body.length() > 1 ? "," : "")
				.append("{\"externalListingId\":\"%s\",\"propertyId\":\"%s\"}".formatted(listing, property));
		}
		mvc.perform(json(asAdmin(put("/api/integrations/bookingcom/mappings")), body + "]")).andExpect(status().isOk());
	}

	private String syncAndWait(String expectedStatus) throws Exception {
		String run = JsonPath.read(mvc.perform(asAdmin(post("/api/integrations/bookingcom/sync")))
			.andExpect(status().isAccepted())
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.id");
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> mvc.perform(asAdmin(get("/api/syncs/" + run)))
				.andExpect(jsonPath("$.status").value(expectedStatus)));
		return run;
	}

	private String statusOf(String externalId) {
		return jdbc.sql("select status from bookings where external_id = :e")
			.param("e", externalId)
			.query(String.class)
			.single();
	}

}

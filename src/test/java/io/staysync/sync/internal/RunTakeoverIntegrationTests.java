package io.staysync.sync.internal;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import com.jayway.jsonpath.JsonPath;

import io.staysync.test.ApiIntegrationTest;
import io.staysync.test.FeedServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A run whose instance stopped is closed as soon as its heartbeat is stale and its
 * integration syncs again; a run whose heartbeat goes on is never taken over; a run that
 * lost its claim (its heartbeat paused past the threshold while it was still going)
 * records nothing when it ends. The thresholds are shortened so that the states change
 * quickly; the assertions are on states, never on elapsed time.
 */
@TestPropertySource(properties = { "staysync.sync.heartbeat-interval=200ms", "staysync.sync.stale-after=1s",
		"staysync.sync.stale-check-interval=200ms", "staysync.scheduler.polling-interval=200ms",
		"staysync.http.allow-private-addresses=true" })
class RunTakeoverIntegrationTests extends ApiIntegrationTest {

	static final String FEED = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\n"
			+ "UID:takeover-1@test\r\nDTSTART;VALUE=DATE:%s\r\nDTEND;VALUE=DATE:%s\r\nSUMMARY:Reserved\r\n"
			+ "END:VEVENT\r\nEND:VCALENDAR\r\n";

	static FeedServer feeds;

	@Autowired
	RunHeartbeats heartbeats;

	@Autowired
	SyncRunner runner;

	@Autowired
	StaleSyncRuns staleRuns;

	@Autowired
	SyncRunRepository runRepository;

	UUID integration;

	@BeforeAll
	static void startFeeds() throws IOException {
		feeds = new FeedServer();
	}

	@AfterAll
	static void stopFeeds() {
		feeds.close();
	}

	@BeforeEach
	void icalWithOneListing() throws Exception {
		resetChannels();
		String property = createProperty("Takeover Flat " + System.nanoTime(), "Europe/Lisbon", 4);
		java.time.LocalDate in = java.time.LocalDate.now().plusDays(40);
		feeds.serve("/takeover.ics",
				FEED.formatted(in.toString().replace("-", ""), in.plusDays(3).toString().replace("-", "")),
				"text/calendar");
		mvc.perform(json(asAdmin(post("/api/integrations/ical/configure")), "{\"mode\":\"ical\"}"))
			.andExpect(status().isOk());
		mvc.perform(json(asAdmin(put("/api/integrations/ical/mappings")),
				"[{\"externalListingId\":\"flat\",\"propertyId\":\"%s\",\"importUrl\":\"%s\"}]".formatted(property,
						feeds.url("/takeover.ics"))))
			.andExpect(status().isOk());
		integration = jdbc.sql("select id from integrations where type = 'ical'").query(UUID.class).single();
	}

	@Test
	void aRunWhoseHeartbeatStoppedIsClosedByHousekeepingAndTheIntegrationSyncsAgain() throws Exception {
		UUID dead = runningRun(Instant.now());

		// nobody asks: the cluster's housekeeping closes it on its own
		await().atMost(Duration.ofSeconds(30)).until(() -> runStatus(dead).equals("error"));
		assertThat(errorOf(dead)).startsWith("Abandoned: the instance running this sync stopped");

		String next = manualSync();
		assertThat(next).isNotEqualTo(dead.toString());
		await().atMost(Duration.ofSeconds(30)).until(() -> runStatus(UUID.fromString(next)).equals("success"));
	}

	@Test
	void aRunWhoseHeartbeatGoesOnIsNeverTakenOver() throws Exception {
		UUID alive = runningRun(Instant.now());
		heartbeats.start(alive);
		try {
			// many times the stale threshold, with housekeeping looking every 200 ms
			await().during(Duration.ofSeconds(4))
				.atMost(Duration.ofSeconds(10))
				.until(() -> runStatus(alive).equals("running"));
			assertThat(manualSync()).as("a sync request joins the live run").isEqualTo(alive.toString());
			assertThat(staleRuns.stale(runs(alive))).isFalse();
		}
		finally {
			heartbeats.stop(alive);
		}
		// its heartbeat stopped without the run ending: now it is taken over
		await().atMost(Duration.ofSeconds(30)).until(() -> runStatus(alive).equals("error"));
		assertThat(manualSync()).isNotEqualTo(alive.toString());
	}

	@Test
	void aRunThatLostItsClaimRecordsNothingWhenItEnds() throws Exception {
		UUID paused = runningRun(Instant.now());
		int before = feeds.hits("/takeover.ics");
		feeds.hold("/takeover.ics");
		CompletableFuture<Void> going = CompletableFuture.runAsync(() -> runner.run(paused));
		await().atMost(Duration.ofSeconds(10)).until(() -> feeds.hits("/takeover.ics") > before);

		// as if the whole process paused longer than the stale threshold: its heartbeat
		// stops while the run is still going, and another instance closes the run
		heartbeats.stop(paused);
		await().atMost(Duration.ofSeconds(30)).until(() -> runStatus(paused).equals("error"));
		// the integration records the closing just after the run's row
		await().atMost(Duration.ofSeconds(10)).until(() -> "error".equals(integrationStatus()));

		feeds.release("/takeover.ics");
		going.get(30, TimeUnit.SECONDS);

		assertThat(runStatus(paused)).as("the run stays closed as abandoned").isEqualTo("error");
		assertThat(errorOf(paused)).startsWith("Abandoned");
		assertThat(integrationStatus()).as("the run that lost its claim recorded no success on the integration")
			.isEqualTo("error");

		String next = manualSync();
		await().atMost(Duration.ofSeconds(30)).until(() -> runStatus(UUID.fromString(next)).equals("success"));
		assertThat(integrationStatus()).isEqualTo("success");
		Timestamp recorded = jdbc.sql("select last_sync_at from integrations where id = :i")
			.param("i", integration)
			.query(Timestamp.class)
			.single();
		Timestamp completed = jdbc.sql("select completed_at from sync_runs where id = :id")
			.param("id", UUID.fromString(next))
			.query(Timestamp.class)
			.single();
		assertThat(recorded.toInstant()).isEqualTo(completed.toInstant());
	}

	/** A run row left {@code running}, as an instance writes it when it claims a run. */
	private UUID runningRun(Instant heartbeat) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into sync_runs (id, integration_id, trigger, status, started_at, heartbeat_at, bookings_created,
				    bookings_updated, bookings_cancelled, unchanged, conflicts, version)
				values (:id, :integration, 'scheduled', 'running', :started, :beat, 0, 0, 0, 0, 0, 0)""")
			.param("id", id)
			.param("integration", integration)
			.param("started", Timestamp.from(Instant.now()))
			.param("beat", Timestamp.from(heartbeat))
			.update();
		return id;
	}

	private String manualSync() throws Exception {
		return JsonPath.read(mvc.perform(asAdmin(post("/api/integrations/ical/sync")))
			.andExpect(status().isAccepted())
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.id");
	}

	private SyncRun runs(UUID id) {
		return runRepository.findById(id).orElseThrow();
	}

	private String runStatus(UUID run) {
		return jdbc.sql("select status from sync_runs where id = :id").param("id", run).query(String.class).single();
	}

	private String errorOf(UUID run) {
		return jdbc.sql("select error_message from sync_runs where id = :id")
			.param("id", run)
			.query(String.class)
			.single();
	}

	private String integrationStatus() {
		return jdbc.sql("select last_sync_status from integrations where id = :i")
			.param("i", integration)
			.query((row, n) -> row.getString(1))
			.single();
	}

}

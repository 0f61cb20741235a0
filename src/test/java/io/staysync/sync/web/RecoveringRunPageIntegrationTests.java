package io.staysync.sync.web;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.TestPropertySource;

import io.staysync.test.ConsoleIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A run whose heartbeat is late, not yet abandoned: whoever follows it in the console
 * (its progress, its row in the history, the integration's card) reads that Staysync is
 * recovering from a stopped instance, and when the run may be closed; a run whose
 * heartbeat is on time shows plain progress.
 */
@TestPropertySource(properties = { "staysync.sync.heartbeat-interval=10s", "staysync.sync.stale-after=10m" })
class RecoveringRunPageIntegrationTests extends ConsoleIntegrationTest {

	UUID integration;

	@BeforeEach
	void ical() throws Exception {
		resetChannels();
		mvc.perform(json(asAdmin(post("/api/integrations/ical/configure")), "{\"mode\":\"ical\"}"))
			.andExpect(status().isOk());
		integration = jdbc.sql("select id from integrations where type = 'ical'").query(UUID.class).single();
	}

	@Test
	void aRunWhoseInstanceStoppedAnsweringIsShownRecovering() throws Exception {
		MockHttpSession admin = admin();
		UUID silent = runningRun(Instant.now().minusSeconds(60));
		try {
			String progress = page(admin, "/syncs/" + silent + "/progress");
			String row = page(admin, "/syncs/" + silent + "/row");

			assertThat(progress).contains("Recovering from a stopped instance.")
				.contains("closes this sync as abandoned from");
			assertThat(row).contains("recovering from a stopped instance");
			assertThat(page(admin, "/integrations")).as("the integration's card")
				.contains("Recovering from a stopped instance.");
		}
		finally {
			close(silent);
		}
	}

	@Test
	void aRunOnTimeShowsPlainProgress() throws Exception {
		MockHttpSession admin = admin();
		UUID alive = runningRun(Instant.now());
		try {
			assertThat(page(admin, "/syncs/" + alive + "/progress")).contains("Syncing since")
				.doesNotContain("Recovering from a stopped instance");
			assertThat(page(admin, "/integrations")).doesNotContain("Recovering from a stopped instance");
		}
		finally {
			close(alive);
		}
	}

	private UUID runningRun(Instant heartbeat) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into sync_runs (id, integration_id, trigger, status, started_at, heartbeat_at, bookings_created,
				    bookings_updated, bookings_cancelled, unchanged, conflicts, version)
				values (:id, :integration, 'scheduled', 'running', :started, :beat, 0, 0, 0, 0, 0, 0)""")
			.param("id", id)
			.param("integration", integration)
			.param("started", Timestamp.from(Instant.now().minusSeconds(120)))
			.param("beat", Timestamp.from(heartbeat))
			.update();
		return id;
	}

	/** Ends the hand-made run, so that the next test's reset does not wait for it. */
	private void close(UUID run) {
		jdbc.sql("update sync_runs set status = 'error', completed_at = :now where id = :id")
			.param("now", Timestamp.from(Instant.now()))
			.param("id", run)
			.update();
	}

}

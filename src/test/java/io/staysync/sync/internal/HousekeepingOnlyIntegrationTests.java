package io.staysync.sync.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import io.staysync.test.ApiIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An instance set to run housekeeping only: it closes abandoned runs, and never picks an
 * integration's due scheduled sync (another instance runs those).
 */
@TestPropertySource(properties = { "staysync.scheduler.syncs-enabled=false", "staysync.sync.heartbeat-interval=200ms",
		"staysync.sync.stale-after=1s", "staysync.sync.stale-check-interval=200ms",
		"staysync.scheduler.polling-interval=200ms" })
class HousekeepingOnlyIntegrationTests extends ApiIntegrationTest {

	UUID integration;

	@BeforeEach
	void activeIcal() throws Exception {
		resetChannels();
		mvc.perform(json(asAdmin(post("/api/integrations/ical/configure")), "{\"mode\":\"ical\",\"isActive\":true}"))
			.andExpect(status().isOk());
		integration = jdbc.sql("select id from integrations where type = 'ical'").query(UUID.class).single();
	}

	@Test
	void closesAbandonedRunsButLeavesScheduledSyncsToOthers() {
		// the integration's execution (scheduled when it became active, in the
		// background) is due now
		await().atMost(Duration.ofSeconds(30))
			.until(() -> jdbc.sql("update scheduled_tasks set execution_time = :past where task_name = :task")
				.param("past", Timestamp.from(Instant.now().minusSeconds(60)))
				.param("task", SyncScheduling.TASK)
				.update() == 1);
		UUID dead = UUID.randomUUID();
		jdbc.sql("""
				insert into sync_runs (id, integration_id, trigger, status, started_at, heartbeat_at, bookings_created,
				    bookings_updated, bookings_cancelled, unchanged, conflicts, version)
				values (:id, :integration, 'scheduled', 'running', :at, :at, 0, 0, 0, 0, 0, 0)""")
			.param("id", dead)
			.param("integration", integration)
			.param("at", Timestamp.from(Instant.now().minusSeconds(60)))
			.update();

		await().atMost(Duration.ofSeconds(30))
			.until(() -> "error".equals(jdbc.sql("select status from sync_runs where id = :id")
				.param("id", dead)
				.query(String.class)
				.single()));
		// many polls later, the due sync is still waiting for an instance that runs syncs
		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> !picked());
		assertThat(count("sync_runs where integration_id = '" + integration + "' and id <> '" + dead + "'")).isZero();
	}

	private boolean picked() {
		return jdbc.sql("select picked or last_success is not null from scheduled_tasks where task_name = :task")
			.param("task", SyncScheduling.TASK)
			.query(Boolean.class)
			.single();
	}

}

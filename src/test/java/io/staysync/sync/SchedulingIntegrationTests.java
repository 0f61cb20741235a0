package io.staysync.sync;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.PlainScheduleAndData;

import io.staysync.test.ApiIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Each active integration has one scheduled execution at its interval, and due ones run.
 */
@TestPropertySource(properties = "staysync.scheduler.polling-interval=1s")
class SchedulingIntegrationTests extends ApiIntegrationTest {

	@Autowired
	SchedulerClient scheduler;

	@BeforeEach
	void noIntegrations() {
		resetChannels();
	}

	@Test
	void activationSchedulesIntervalChangesRescheduleDeactivationUnschedules() throws Exception {
		mvc.perform(json(asAdmin(post("/api/integrations/airbnb/configure")),
				"{\"mode\":\"api\",\"settings\":{\"syncIntervalMinutes\":30}}"))
			.andExpect(status().isOk());
		String id = integrationId();

		await().atMost(Duration.ofSeconds(10)).until(() -> scheduled(id) != null);
		// within one interval, at the integration's own slot in it (SpreadIntervalTests)
		Instant due = scheduled(id);
		assertThat(due).isBetween(Instant.now().minusSeconds(5), Instant.now().plus(Duration.ofMinutes(30)));

		// saving the integration again leaves the pace alone: it keeps the slot
		mvc.perform(json(asAdmin(post("/api/integrations/airbnb/configure")),
				"{\"settings\":{\"syncIntervalMinutes\":30}}"))
			.andExpect(status().isOk());
		await().atMost(Duration.ofSeconds(10))
			.until(() -> count("event_publication where completion_date is null") == 0);
		assertThat(scheduled(id)).isEqualTo(due);

		mvc.perform(json(asAdmin(post("/api/integrations/airbnb/configure")),
				"{\"settings\":{\"syncIntervalMinutes\":240}}"))
			.andExpect(status().isOk());
		await().atMost(Duration.ofSeconds(10)).until(() -> schedule(id).contains("intervalMillis=14400000"));
		assertThat(scheduled(id)).isBeforeOrEqualTo(Instant.now().plus(Duration.ofMinutes(240)));

		mvc.perform(json(asAdmin(post("/api/integrations/airbnb/configure")), "{\"isActive\":false}"))
			.andExpect(status().isOk());
		await().atMost(Duration.ofSeconds(10)).until(() -> scheduled(id) == null);
	}

	@Test
	void aDueExecutionRunsAScheduledSync() throws Exception {
		mvc.perform(json(asAdmin(post("/api/integrations/airbnb/configure")), "{\"mode\":\"api\"}"))
			.andExpect(status().isOk());
		String id = integrationId();
		await().atMost(Duration.ofSeconds(10)).until(() -> scheduled(id) != null);

		scheduler.reschedule(TaskInstanceId.of("integration-sync", id), Instant.now());

		await().atMost(Duration.ofSeconds(20))
			.until(() -> jdbc.sql(
					"select count(*) from sync_runs where trigger = 'scheduled' and status <> 'running' and integration_id = cast(:i as uuid)")
				.param("i", id)
				.query(Long.class)
				.single() >= 1);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> scheduled(id) != null && scheduled(id).isAfter(Instant.now()));
	}

	@Test
	void bookingComInApiModeIsPolledEvery30SecondsAndInIcalModeAtItsInterval() throws Exception {
		mvc.perform(json(asAdmin(post("/api/integrations/booking_com/configure")),
				"{\"mode\":\"api\",\"apiKey\":\"machine\",\"apiSecret\":\"secret\","
						+ "\"settings\":{\"syncIntervalMinutes\":30}}"))
			.andExpect(status().isOk());
		String id = integrationId("booking_com");

		await().atMost(Duration.ofSeconds(10)).until(() -> scheduled(id) != null);
		assertThat(scheduled(id)).isBetween(Instant.now().minusSeconds(5), Instant.now().plus(Duration.ofSeconds(31)));

		mvc.perform(json(asAdmin(post("/api/integrations/booking_com/configure")), "{\"mode\":\"ical\"}"))
			.andExpect(status().isOk());
		await().atMost(Duration.ofSeconds(10)).until(() -> schedule(id).contains("intervalMillis=1800000"));
	}

	/** The schedule stored with an integration's execution, as text. */
	private String schedule(String id) {
		return scheduler.getScheduledExecution(TaskInstanceId.of("integration-sync", id))
			.map(execution -> String.valueOf(((PlainScheduleAndData) execution.getData()).getSchedule()))
			.orElse("");
	}

	private String integrationId() {
		return integrationId("airbnb");
	}

	private String integrationId(String type) {
		return jdbc.sql("select cast(id as varchar) from integrations where type = :t")
			.param("t", type)
			.query(String.class)
			.single();
	}

	private Instant scheduled(String id) {
		return scheduler.getScheduledExecution(TaskInstanceId.of("integration-sync", id))
			.map(execution -> execution.getExecutionTime())
			.orElse(null);
	}

}

package io.staysync.sync.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

/**
 * The fixed recurring tasks beside the per-integration syncs. Each is one db-scheduler
 * execution shared by the whole cluster, so one instance at a time drains the
 * availability outbox, closes abandoned runs and resubmits stuck event publications.
 */
@Configuration(proxyBeanMethods = false)
class SyncHousekeeping {

	static final String AVAILABILITY = "availability-push";

	static final String STALE_RUNS = "stale-sync-runs";

	static final String PUBLICATIONS = "event-publication-resubmission";

	@Bean
	RecurringTask<Void> availabilityPushTask(AvailabilityPusher pusher, AvailabilitySettings settings) {
		return Tasks.recurring(AVAILABILITY, FixedDelay.of(settings.drainInterval()))
			.execute((instance, context) -> pusher.drain());
	}

	@Bean
	RecurringTask<Void> staleRunsTask(StaleSyncRuns staleRuns, SyncSettings settings) {
		return Tasks.recurring(STALE_RUNS, FixedDelay.of(settings.staleCheckInterval()))
			.execute((instance, context) -> staleRuns.closeAll());
	}

	@Bean
	RecurringTask<Void> publicationResubmissionTask(IncompletePublications publications, EventSettings settings) {
		return Tasks.recurring(PUBLICATIONS, FixedDelay.of(settings.resubmitInterval()))
			.execute((instance, context) -> publications.resubmit());
	}

}

package io.staysync.sync.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * This instance's part in running scheduled work ({@link SyncScheduling}), bound from
 * {@code staysync.scheduler.*}.
 *
 * @param enabled whether this instance runs due syncs and housekeeping at all; an
 * instance set to false still serves the API and schedules syncs for the others
 * @param threads how many due executions this instance runs at once
 * @param pollingInterval how often this instance looks for due executions
 */
@ConfigurationProperties("staysync.scheduler")
record SchedulerSettings(@DefaultValue("true") boolean enabled, @DefaultValue("4") int threads,
		@DefaultValue("10s") Duration pollingInterval) {

	SchedulerSettings {
		SettingChecks.requireAtLeastOne(threads, "staysync.scheduler.threads");
		SettingChecks.requirePositive(pollingInterval, "staysync.scheduler.polling-interval");
	}

}

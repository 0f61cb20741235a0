package io.staysync.sync.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * This instance's part in running scheduled work ({@link SyncScheduling}), bound from
 * {@code staysync.scheduler.*}: the integrations' scheduled syncs and the cluster's
 * housekeeping ({@link SyncHousekeeping}) can be left to other instances separately.
 *
 * @param enabled whether this instance runs any scheduled work at all: {@code false}
 * stops both its scheduled syncs and its housekeeping (closing abandoned runs, draining
 * the availability outbox, resubmitting stuck events), whatever the two settings below
 * say; the instance still serves the API, runs manual syncs and schedules syncs for the
 * others
 * @param syncsEnabled whether this instance runs the integrations' due scheduled syncs
 * @param housekeepingEnabled whether this instance runs the housekeeping tasks: closing
 * abandoned sync runs, draining the availability outbox, resubmitting stuck event
 * publications; at least one instance of a cluster must
 * @param threads how many due executions this instance runs at once
 * @param pollingInterval how often this instance looks for due executions
 */
@ConfigurationProperties("staysync.scheduler")
record SchedulerSettings(@DefaultValue("true") boolean enabled, @DefaultValue("true") boolean syncsEnabled,
		@DefaultValue("true") boolean housekeepingEnabled, @DefaultValue("4") int threads,
		@DefaultValue("10s") Duration pollingInterval) {

	SchedulerSettings {
		SettingChecks.requireAtLeastOne(threads, "staysync.scheduler.threads");
		SettingChecks.requirePositive(pollingInterval, "staysync.scheduler.polling-interval");
	}

	/** Whether this instance runs the integrations' due scheduled syncs. */
	boolean runsSyncs() {
		return enabled && syncsEnabled;
	}

	/** Whether this instance runs the cluster's housekeeping tasks. */
	boolean runsHousekeeping() {
		return enabled && housekeepingEnabled;
	}

}

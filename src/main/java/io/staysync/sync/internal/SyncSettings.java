package io.staysync.sync.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Liveness, time budgets and concurrency of running syncs, bound from
 * {@code staysync.sync.*}: how often a running sync shows a sign of life, when a run
 * without one counts as abandoned by its instance, how long one listing and one run may
 * take, and how many listings of a run are synced at once, overall and per host.
 *
 * @param heartbeatInterval how often the instance running a sync records that it is still
 * alive
 * @param staleAfter how long a running sync may go without a heartbeat before it is
 * closed as abandoned (and its integration can sync again); longer than the heartbeat
 * interval, with room for a slow database and a long garbage-collection pause. A live run
 * taken over after a pause longer than this does not record its outcome over the new one
 * @param staleCheckInterval how often the cluster looks for abandoned runs; with the
 * defaults a run whose instance died is closed within about a minute
 * @param listingTimeBudget the longest one listing's fetch and reading may take (every
 * retry included); past it the listing fails with a message saying so, nothing of it
 * changes, and the run goes on with the next listing. A fetch's own limits
 * (staysync.http.*) stop a single attempt sooner; this also bounds the retries and the
 * reading of what arrived
 * @param runTimeBudget the longest one run may take; the listings not reached by then
 * fail with a message saying so, change nothing, and are synced by the next run
 * @param listingConcurrency how many listings of one run are fetched and read at once; at
 * most half the database pool of them are stored at once, whatever this says
 * @param perHostConcurrency how many listings of one run are fetched at once from the
 * same host (an iCal feed's host name, or the channel for API listings), so that a run of
 * many listings never hammers one channel's server
 */
@ConfigurationProperties("staysync.sync")
record SyncSettings(@DefaultValue("10s") Duration heartbeatInterval, @DefaultValue("35s") Duration staleAfter,
		@DefaultValue("10s") Duration staleCheckInterval, @DefaultValue("1m") Duration listingTimeBudget,
		@DefaultValue("1h") Duration runTimeBudget, @DefaultValue("16") int listingConcurrency,
		@DefaultValue("4") int perHostConcurrency) {

	SyncSettings {
		SettingChecks.requirePositive(heartbeatInterval, "staysync.sync.heartbeat-interval");
		SettingChecks.requirePositive(staleAfter, "staysync.sync.stale-after");
		SettingChecks.requirePositive(staleCheckInterval, "staysync.sync.stale-check-interval");
		SettingChecks.requirePositive(listingTimeBudget, "staysync.sync.listing-time-budget");
		SettingChecks.requirePositive(runTimeBudget, "staysync.sync.run-time-budget");
		SettingChecks.requireAtLeastOne(listingConcurrency, "staysync.sync.listing-concurrency");
		SettingChecks.requireAtLeastOne(perHostConcurrency, "staysync.sync.per-host-concurrency");
		// Otherwise every healthy run would be closed as abandoned between two
		// heartbeats.
		if (staleAfter.compareTo(heartbeatInterval) <= 0) {
			throw new IllegalArgumentException(
					"staysync.sync.stale-after must be longer than staysync.sync.heartbeat-interval");
		}
	}

}

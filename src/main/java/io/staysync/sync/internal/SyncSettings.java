package io.staysync.sync.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Liveness of running syncs, bound from {@code staysync.sync.*}: how often a running sync
 * shows a sign of life, and when a run without one counts as abandoned by its instance.
 *
 * @param heartbeatInterval how often the instance running a sync records that it is still
 * alive
 * @param staleAfter how long a running sync may go without a heartbeat before it is
 * closed as abandoned; longer than the heartbeat interval, with room for a slow database
 * @param staleCheckInterval how often the cluster looks for abandoned runs
 */
@ConfigurationProperties("staysync.sync")
record SyncSettings(@DefaultValue("30s") Duration heartbeatInterval, @DefaultValue("3m") Duration staleAfter,
		@DefaultValue("1m") Duration staleCheckInterval) {

	SyncSettings {
		SettingChecks.requirePositive(heartbeatInterval, "staysync.sync.heartbeat-interval");
		SettingChecks.requirePositive(staleAfter, "staysync.sync.stale-after");
		SettingChecks.requirePositive(staleCheckInterval, "staysync.sync.stale-check-interval");
		// Otherwise every healthy run would be closed as abandoned between two
		// heartbeats.
		if (staleAfter.compareTo(heartbeatInterval) <= 0) {
			throw new IllegalArgumentException(
					"staysync.sync.stale-after must be longer than staysync.sync.heartbeat-interval");
		}
	}

}

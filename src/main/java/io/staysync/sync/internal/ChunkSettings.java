package io.staysync.sync.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a big run is shared by the instances of a cluster, bound from
 * {@code staysync.sync.*}: a run of more listings than the chunk size is split into
 * chunks that any instance may claim; smaller runs are executed by one instance as
 * before.
 *
 * @param chunkSize the most listings of a run one instance syncs on its own; a run of
 * more is split into chunks of this many listings, which every instance of the cluster
 * claims and syncs side by side
 * @param chunkPollInterval how often an idle instance looks for a chunk of another
 * instance's run to claim (unclaimed, or held by an instance that stopped showing signs
 * of life)
 */
@ConfigurationProperties("staysync.sync")
record ChunkSettings(@DefaultValue("500") int chunkSize, @DefaultValue("5s") Duration chunkPollInterval) {

	ChunkSettings {
		SettingChecks.requireAtLeastOne(chunkSize, "staysync.sync.chunk-size");
		SettingChecks.requirePositive(chunkPollInterval, "staysync.sync.chunk-poll-interval");
	}

}

package io.staysync.sync.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.staysync.integrations.ChannelAccounts;
import io.staysync.sync.SyncStatus;

/**
 * Finds runs left {@code running} by an instance or worker that died, from their
 * heartbeat, and closes them as {@code error} with a message saying so: listings finished
 * before were committed one by one and stay; the listing in progress was rolled back with
 * its transaction; the next run applies whatever is missing, idempotently. Runs from
 * before heartbeats existed fall back to their start time.
 */
@Component
class StaleSyncRuns {

	private static final Logger log = LoggerFactory.getLogger(StaleSyncRuns.class);

	/**
	 * A run without a heartbeat (from before they existed) counts as abandoned after
	 * this.
	 */
	static final Duration UNBEATEN_AFTER = Duration.ofMinutes(30);

	private final JdbcClient jdbc;

	private final SyncRunRepository runs;

	private final ChannelAccounts accounts;

	private final SyncMetrics metrics;

	private final Clock clock;

	private final Duration staleAfter;

	StaleSyncRuns(JdbcClient jdbc, SyncRunRepository runs, ChannelAccounts accounts, SyncMetrics metrics, Clock clock,
			SyncSettings settings) {
		this.jdbc = jdbc;
		this.runs = runs;
		this.accounts = accounts;
		this.metrics = metrics;
		this.clock = clock;
		this.staleAfter = settings.staleAfter();
	}

	/** Closes every stale run; run by a cluster-wide recurring task. */
	void closeAll() {
		List<UUID> stale = jdbc.sql("""
				select id from sync_runs where status = :running
				and (heartbeat_at < :cutoff or (heartbeat_at is null and started_at < :unbeaten))""")
			.param("running", SyncStatus.RUNNING.stored())
			.param("cutoff", Timestamp.from(Instant.now().minus(staleAfter)))
			.param("unbeaten", Timestamp.from(clock.instant().minus(UNBEATEN_AFTER)))
			.query(UUID.class)
			.list();
		stale.forEach(this::close);
	}

	/**
	 * @return whether this running run has stopped showing signs of life
	 */
	boolean stale(SyncRun run) {
		Timestamp heartbeat = heartbeat(run.id());
		return heartbeat == null ? run.startedAt().isBefore(clock.instant().minus(UNBEATEN_AFTER))
				: heartbeat.toInstant().isBefore(Instant.now().minus(staleAfter));
	}

	/**
	 * Closes a stale run and records it on the integration; a run that ended meanwhile is
	 * left alone.
	 */
	void close(UUID runId) {
		SyncRun run = runs.findById(runId).orElse(null);
		if (run == null || run.completedAt() != null) {
			return;
		}
		try {
			abandon(run);
		}
		catch (OptimisticLockingFailureException endedMeanwhile) {
			return;
		}
		accounts.recordSync(run.integrationId(), run.completedAt(), run.outcome(), run.errorMessage(), false);
		accounts.find(run.integrationId()).ifPresent(account -> metrics.recordRun(account.type(), run));
	}

	/**
	 * Closes a stale run in the caller's transaction (a new run is about to replace it,
	 * and will record its own outcome on the integration).
	 */
	void abandon(SyncRun run) {
		Instant lastSign = lastSign(run);
		run.fail("Abandoned: the instance running this sync stopped before it finished (no sign of life since "
				+ lastSign.truncatedTo(ChronoUnit.SECONDS) + "). Listings finished before that were kept; nothing"
				+ " half-applied was. The next sync applies whatever is missing.", clock.instant());
		runs.save(run);
		log.warn("Sync run {} of integration {} was abandoned by its instance (last heartbeat {}); closed as error",
				run.id(), run.integrationId(), lastSign);
	}

	private Instant lastSign(SyncRun run) {
		Timestamp heartbeat = heartbeat(run.id());
		return heartbeat == null ? run.startedAt() : heartbeat.toInstant();
	}

	private Timestamp heartbeat(UUID runId) {
		return jdbc.sql("select heartbeat_at from sync_runs where id = :id")
			.param("id", runId)
			.query((row, n) -> row.getTimestamp(1))
			.list()
			.stream()
			.filter(Objects::nonNull)
			.findFirst()
			.orElse(null);
	}

}

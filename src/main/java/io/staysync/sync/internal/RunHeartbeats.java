package io.staysync.sync.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.staysync.sync.SyncStatus;

/**
 * Keeps the runs this instance is executing claimed: their {@code heartbeat_at} is
 * refreshed at a fixed interval by a thread of its own, however long a listing takes.
 * When the instance dies, or a run's worker dies, the heartbeat stops and
 * {@link StaleSyncRuns} closes the run, so that its integration can sync again. Each beat
 * is conditional on the run still being {@code running}: a run closed as abandoned (after
 * a pause longer than the stale threshold, say a long garbage collection) is never
 * revived by a late beat, and is marked as having lost its claim; such a run ends without
 * recording its outcome ({@link #endWhileClaimed}). Heartbeats use the time now (system
 * clock): they are compared across instances, never with the domain clock.
 */
@Component
class RunHeartbeats implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(RunHeartbeats.class);

	private final Set<UUID> beating = ConcurrentHashMap.newKeySet();

	private final Set<UUID> lost = ConcurrentHashMap.newKeySet();

	private final JdbcClient jdbc;

	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
		Thread thread = new Thread(task, "sync-heartbeat");
		thread.setDaemon(true);
		return thread;
	});

	RunHeartbeats(JdbcClient jdbc, SyncSettings settings) {
		this.jdbc = jdbc;
		long every = settings.heartbeatInterval().toMillis();
		timer.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
	}

	/**
	 * The first sign of life, written with the run itself (in the caller's transaction).
	 */
	void first(UUID runId) {
		touch(runId);
	}

	void start(UUID runId) {
		lost.remove(runId);
		beating.add(runId);
		if (!touch(runId)) {
			lose(runId);
		}
	}

	void stop(UUID runId) {
		beating.remove(runId);
		lost.remove(runId);
	}

	/**
	 * Whether a run this instance executes was closed by another (its claim was taken
	 * over) since it started.
	 */
	boolean lost(UUID runId) {
		return lost.contains(runId);
	}

	/**
	 * Ends a run only while it still holds its claim: a last beat, conditional on the row
	 * still being {@code running}, both checks the claim and renews it for another stale
	 * threshold, so nobody closes the run while {@code ending} records it (unless the
	 * instance pauses that long again, in which case the run's versioned save still
	 * fails). A run that lost its claim records nothing, so its outcome never replaces
	 * that of the run that took over. No transaction spans the ending: the integration's
	 * outcome is written in a transaction of its own, and holding a connection while it
	 * waits for another could exhaust the pool.
	 * @throws ClaimLostException when the run was closed by another meanwhile
	 */
	void endWhileClaimed(UUID runId, Runnable ending) {
		if (lost.contains(runId) || !touch(runId)) {
			throw new ClaimLostException(runId);
		}
		try {
			ending.run();
		}
		catch (OptimisticLockingFailureException closedMeanwhile) {
			throw new ClaimLostException(runId);
		}
	}

	private void beat() {
		try {
			for (UUID run : List.copyOf(beating)) {
				if (!touch(run) && beating.contains(run)) {
					lose(run);
				}
			}
		}
		catch (RuntimeException unreachable) {
			log.warn("Could not record the heartbeat of running syncs: {}", unreachable.getMessage());
		}
	}

	private void lose(UUID run) {
		if (lost.add(run)) {
			log.warn("Sync run {} was closed as abandoned by another instance while it was still going here (a pause"
					+ " longer than staysync.sync.stale-after?); it will not record its outcome", run);
		}
	}

	/**
	 * @return whether the run is still running (and therefore this beat counted)
	 */
	private boolean touch(UUID run) {
		return jdbc.sql("update sync_runs set heartbeat_at = :now where id = :id and status = :running")
			.param("running", SyncStatus.RUNNING.stored())
			.param("now", Timestamp.from(Instant.now()))
			.param("id", run)
			.update() == 1;
	}

	@Override
	public void destroy() {
		timer.shutdownNow();
	}

	/**
	 * A run was closed as abandoned by another instance while this one was executing it.
	 */
	static class ClaimLostException extends RuntimeException {

		ClaimLostException(UUID runId) {
			super("Sync run " + runId + " lost its claim: it was closed as abandoned meanwhile");
		}

	}

}

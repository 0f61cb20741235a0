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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.staysync.sync.SyncStatus;

/**
 * Keeps the runs this instance is executing visibly alive: their {@code heartbeat_at} is
 * refreshed at a fixed interval by a thread of its own, however long a listing takes.
 * When the instance dies, or a run's worker dies, the heartbeat stops and
 * {@link StaleSyncRuns} closes the run. Heartbeats use the time now (system clock): they
 * are compared across instances, never with the domain clock.
 */
@Component
class RunHeartbeats implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(RunHeartbeats.class);

	private final Set<UUID> beating = ConcurrentHashMap.newKeySet();

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
		touch(List.of(runId));
	}

	void start(UUID runId) {
		beating.add(runId);
		touch(List.of(runId));
	}

	void stop(UUID runId) {
		beating.remove(runId);
	}

	private void beat() {
		try {
			if (!beating.isEmpty()) {
				touch(List.copyOf(beating));
			}
		}
		catch (RuntimeException unreachable) {
			log.warn("Could not record the heartbeat of running syncs: {}", unreachable.getMessage());
		}
	}

	private void touch(List<UUID> runs) {
		Timestamp now = Timestamp.from(Instant.now());
		for (UUID run : runs) {
			jdbc.sql("update sync_runs set heartbeat_at = :now where id = :id and status = :running")
				.param("running", SyncStatus.RUNNING.stored())
				.param("now", now)
				.param("id", run)
				.update();
		}
	}

	@Override
	public void destroy() {
		timer.shutdownNow();
	}

}

package io.staysync.sync.internal;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import io.staysync.sync.internal.RunChunks.Chunk;

/**
 * Keeps the chunks this instance holds visibly alive, and their runs with them (the
 * instance that started a run may be done with its own chunks, or dead, while others
 * still sync the run). A thread of its own beats at
 * {@code staysync.sync.heartbeat-interval} however long a listing takes; when the
 * instance dies the beats stop and another instance claims the chunk again.
 */
@Component
class ChunkHeartbeats implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(ChunkHeartbeats.class);

	private final Set<Chunk> held = ConcurrentHashMap.newKeySet();

	private final RunChunks chunks;

	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
		Thread thread = new Thread(task, "sync-chunk-heartbeat");
		thread.setDaemon(true);
		return thread;
	});

	ChunkHeartbeats(RunChunks chunks, SyncSettings settings) {
		this.chunks = chunks;
		long every = settings.heartbeatInterval().toMillis();
		timer.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
	}

	void hold(Chunk chunk) {
		held.add(chunk);
	}

	void let(Chunk chunk) {
		held.remove(chunk);
	}

	private void beat() {
		try {
			if (!held.isEmpty()) {
				chunks.beat(List.copyOf(held));
			}
		}
		catch (RuntimeException unreachable) {
			log.warn("Could not record the heartbeat of the sync chunks held: {}", unreachable.getMessage());
		}
	}

	@Override
	public void destroy() {
		timer.shutdownNow();
	}

}

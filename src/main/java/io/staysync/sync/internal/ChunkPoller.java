package io.staysync.sync.internal;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Every instance's share of the cluster's big runs: once the application is ready, a
 * thread of its own looks every {@code staysync.sync.chunk-poll-interval} for a chunk to
 * claim (open, or held by an instance that stopped beating) and syncs chunks one after
 * another while there are, unless the instance is already working on a chunk of a run it
 * started. Idle, it costs one indexed query per interval. It also deletes the chunks of
 * runs that ended without them (closed as abandoned).
 */
@Component
class ChunkPoller implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(ChunkPoller.class);

	private final ChunkedRuns runs;

	private final RunChunks chunks;

	private final ChunkSettings settings;

	private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(task -> {
		Thread poller = new Thread(task, "sync-chunk-poller");
		poller.setDaemon(true);
		return poller;
	});

	private boolean failing;

	ChunkPoller(ChunkedRuns runs, RunChunks chunks, ChunkSettings settings) {
		this.runs = runs;
		this.chunks = chunks;
		this.settings = settings;
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		long every = settings.chunkPollInterval().toMillis();
		thread.scheduleWithFixedDelay(this::poll, every, every, TimeUnit.MILLISECONDS);
	}

	private void poll() {
		try {
			chunks.deleteOrphans();
			runs.workOnAnyIfIdle();
			failing = false;
		}
		catch (RuntimeException unreachable) {
			if (!failing) {
				log.warn("Could not look for sync chunks to claim: {}", unreachable.getMessage());
			}
			failing = true;
		}
		catch (Error dying) {
			// The chunk under way stays claimed without a heartbeat: another instance
			// claims it again. The poller itself goes on.
			log.error("A sync chunk's worker died", dying);
		}
	}

	@Override
	public void destroy() {
		thread.shutdownNow();
	}

}

package io.staysync.webhooks.outbound;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs this instance's {@link DeliveryPoller}: every {@code poll-interval}, and at once
 * when a change with deliveries has just committed here ({@link #wake()}), on one thread,
 * so that a delivery usually leaves within milliseconds of its change. Every instance
 * runs one; the poller's {@code SKIP LOCKED} claims keep them from sending the same
 * delivery. Not a db-scheduler task: that would run on one instance at a time and only at
 * the scheduler's polling interval (10 s by default).
 */
@Component
class DeliveryPump implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(DeliveryPump.class);

	private final DeliveryPoller poller;

	private final OutboundWebhookSettings settings;

	private final AtomicBoolean wakeQueued = new AtomicBoolean();

	private volatile ScheduledExecutorService executor;

	DeliveryPump(DeliveryPoller poller, OutboundWebhookSettings settings) {
		this.poller = poller;
		this.settings = settings;
	}

	/** Drains soon, on the pump's thread; several wakes before it runs are one drain. */
	void wake() {
		ScheduledExecutorService running = executor;
		if (running != null && wakeQueued.compareAndSet(false, true)) {
			try {
				running.execute(() -> {
					wakeQueued.set(false);
					drain();
				});
			}
			catch (java.util.concurrent.RejectedExecutionException stopping) {
				wakeQueued.set(false);
			}
		}
	}

	@Override
	public void start() {
		if (!settings.sendingEnabled()) {
			return;
		}
		ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "webhook-deliveries");
			thread.setDaemon(true);
			return thread;
		});
		long interval = settings.pollInterval().toMillis();
		started.scheduleWithFixedDelay(this::drain, interval, interval, TimeUnit.MILLISECONDS);
		executor = started;
	}

	/**
	 * An attempt cut short here is claimed again when its lease ends and sent with the
	 * same {@code webhook-id}.
	 */
	@Override
	public void stop() {
		ScheduledExecutorService running = executor;
		executor = null;
		if (running != null) {
			running.shutdown();
			try {
				if (!running.awaitTermination(settings.timeout().toSeconds() + 5, TimeUnit.SECONDS)) {
					running.shutdownNow();
				}
			}
			catch (InterruptedException interrupted) {
				running.shutdownNow();
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return executor != null;
	}

	/** After the web server and the schema migration, like the scheduler. */
	@Override
	public int getPhase() {
		return Integer.MAX_VALUE - 100;
	}

	private void drain() {
		try {
			poller.drain();
		}
		catch (RuntimeException failed) {
			// The database may be briefly unreachable; the next poll tries again.
			log.warn("Sending webhook deliveries failed: {}", failed.toString());
		}
	}

}

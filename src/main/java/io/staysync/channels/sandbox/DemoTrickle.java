package io.staysync.channels.sandbox;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Demo mode: something a sandbox does by itself every so often, such as a guest booking,
 * so that a demo shows reservations arriving on their own through the real protocol. One
 * daemon thread per trickle, started and stopped with the application; the first round
 * runs at once. A round that fails is logged and the next one runs all the same. Nothing
 * runs outside demo mode, or with a period of zero.
 */
public abstract class DemoTrickle implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(DemoTrickle.class);

	private final String name;

	private final boolean enabled;

	private final Duration every;

	private volatile ScheduledExecutorService timer;

	/**
	 * @param name the thread's name, and what the log calls it
	 * @param enabled whether it may run at all (demo mode, and whatever else it needs)
	 * @param every the wait between two rounds; zero turns it off
	 */
	protected DemoTrickle(String name, boolean enabled, Duration every) {
		this.name = name;
		this.enabled = enabled;
		this.every = every;
	}

	/** One round: a new guest, and now and then a change to an earlier stay. */
	protected abstract void trickle();

	@Override
	public void start() {
		if (!enabled || every.isZero() || every.isNegative()) {
			return;
		}
		ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(task -> {
			Thread thread = new Thread(task, name);
			thread.setDaemon(true);
			return thread;
		});
		started.scheduleWithFixedDelay(this::round, 0, every.toMillis(), TimeUnit.MILLISECONDS);
		timer = started;
	}

	@Override
	public void stop() {
		ScheduledExecutorService running = timer;
		timer = null;
		if (running != null) {
			running.shutdownNow();
		}
	}

	@Override
	public boolean isRunning() {
		return timer != null;
	}

	private void round() {
		try {
			trickle();
		}
		catch (RuntimeException unexpected) {
			// A demo nicety must never stop its timer for good.
			log.warn("The demo trickle {} failed this round", name, unexpected);
		}
	}

}

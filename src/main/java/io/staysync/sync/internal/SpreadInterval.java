package io.staysync.sync.internal;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;

/**
 * An integration's sync schedule: every {@code interval}, on slots at a fixed phase
 * within the interval that a hash of the integration id decides. Integrations activated
 * together, or rescheduled together by a restart, therefore fall due spread over the
 * interval instead of all at its start, and each keeps its spacing run after run: the
 * next execution is the next slot after the last one ended, not one interval after it
 * ended (which would drift by the run's duration). A run longer than its interval skips
 * the slots it overran. Stored with the execution by db-scheduler (Java serialization),
 * so its shape is part of the {@code scheduled_tasks} rows. Written here because
 * db-scheduler's own schedules do not do it: {@code FixedDelay} counts from the end of
 * the last run (it drifts, and all start one interval after they were scheduled), and a
 * cron expression cannot give an arbitrary interval (7 minutes, 30 seconds) a phase.
 *
 * @param intervalMillis the time between slots
 * @param phaseMillis where the slots fall within an interval counted from the epoch
 */
record SpreadInterval(long intervalMillis, long phaseMillis) implements Schedule, Serializable {

	SpreadInterval {
		if (intervalMillis <= 0 || phaseMillis < 0 || phaseMillis >= intervalMillis) {
			throw new IllegalArgumentException(
					"A phase of " + phaseMillis + " ms is not within an interval of " + intervalMillis + " ms");
		}
	}

	/** The schedule of an integration at an interval, its phase hashed from its id. */
	static SpreadInterval of(Duration interval, UUID integrationId) {
		long millis = interval.toMillis();
		return new SpreadInterval(millis, Math.floorMod(mix(integrationId), millis));
	}

	/** The first slot strictly after an instant. */
	Instant next(Instant after) {
		long slots = Math.floorDiv(after.toEpochMilli() - phaseMillis, intervalMillis) + 1;
		return Instant.ofEpochMilli(slots * intervalMillis + phaseMillis);
	}

	@Override
	public Instant getNextExecutionTime(ExecutionComplete executionComplete) {
		return next(executionComplete.getTimeDone());
	}

	@Override
	public Instant getInitialExecutionTime(Instant now) {
		return next(now);
	}

	@Override
	public boolean isDeterministic() {
		return true;
	}

	/**
	 * Both halves of the id through SplitMix64's finaliser: random ids spread evenly, and
	 * so do ids that differ in a few bits only.
	 */
	private static long mix(UUID id) {
		long z = id.getMostSignificantBits() ^ Long.rotateLeft(id.getLeastSignificantBits(), 32);
		z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
		z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
		return z ^ (z >>> 31);
	}

}

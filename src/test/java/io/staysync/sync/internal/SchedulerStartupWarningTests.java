package io.staysync.sync.internal;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.SmartLifecycle;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An instance that runs no housekeeping says so at start-up, since it cannot know whether
 * another instance of the cluster drains the outbox; one that runs it says nothing of the
 * kind.
 */
@ExtendWith(OutputCaptureExtension.class)
class SchedulerStartupWarningTests {

	static final SyncSettings LIVENESS = new SyncSettings(Duration.ofSeconds(10), Duration.ofSeconds(35),
			Duration.ofSeconds(10), Duration.ofMinutes(1), Duration.ofHours(1), 16, 4);

	@Test
	void theOldSwitchOffWarnsThatHousekeepingStopsToo(CapturedOutput output) {
		SmartLifecycle scheduler = lifecycle(new SchedulerSettings(false, true, true, 4, Duration.ofSeconds(10)));

		scheduler.start();

		assertThat(scheduler.isRunning()).isFalse();
		assertThat(output).contains("Housekeeping is off on this instance")
			.contains("Make sure another instance of the cluster runs housekeeping and drains the outbox");
	}

	@Test
	void housekeepingSwitchedOffAloneWarnsToo(CapturedOutput output) {
		SmartLifecycle scheduler = lifecycle(new SchedulerSettings(true, false, false, 4, Duration.ofSeconds(10)));

		scheduler.start();

		assertThat(output).contains("Housekeeping is off on this instance");
	}

	private static SmartLifecycle lifecycle(SchedulerSettings settings) {
		// Neither part runs: nothing is built, so no database is needed.
		return new SyncScheduling().schedulerLifecycle(null, null, List.of(), settings, LIVENESS);
	}

}

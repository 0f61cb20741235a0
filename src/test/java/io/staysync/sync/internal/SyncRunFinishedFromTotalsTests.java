package io.staysync.sync.internal;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.staysync.integrations.SyncOutcome;
import io.staysync.sync.SyncStatus;
import io.staysync.sync.SyncTrigger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run shared by the cluster ends from the totals of its stored outcomes: the same
 * statuses, counts and message as a run ended from its outcomes in memory.
 */
class SyncRunFinishedFromTotalsTests {

	private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

	@Test
	void allFineIsSuccessWithTheSums() {
		SyncRun run = started();
		run.finishCounted(new RunOutcomes.Totals(600, 0, 10, 4, 2, 580, 1, null), NOW);

		assertThat(run.status()).isEqualTo(SyncStatus.SUCCESS);
		assertThat(run.outcome()).isEqualTo(SyncOutcome.SUCCESS);
		assertThat(run.created()).isEqualTo(10);
		assertThat(run.updated()).isEqualTo(4);
		assertThat(run.cancelled()).isEqualTo(2);
		assertThat(run.unchanged()).isEqualTo(580);
		assertThat(run.conflicts()).isEqualTo(1);
		assertThat(run.errorMessage()).isNull();
		assertThat(run.completedAt()).isEqualTo(NOW);
		assertThat(run.reachedChannel()).isTrue();
		assertThat(run.takeUnsavedOutcomes()).as("stored chunk by chunk already").isEmpty();
	}

	@Test
	void someFailedIsPartialNamingTheFirstFailure() {
		SyncRun run = started();
		run.finishCounted(new RunOutcomes.Totals(600, 2, 0, 0, 0, 598, 0, "room-7: HTTP 404"), NOW);

		assertThat(run.status()).isEqualTo(SyncStatus.PARTIAL);
		assertThat(run.errorMessage()).isEqualTo("2 of 600 listings failed. room-7: HTTP 404");
		assertThat(run.reachedChannel()).isTrue();
	}

	@Test
	void allFailedIsAnErrorThatNeverReachedTheChannel() {
		SyncRun run = started();
		run.finishCounted(new RunOutcomes.Totals(600, 600, 0, 0, 0, 0, 0, "room-0: connection refused"), NOW);

		assertThat(run.status()).isEqualTo(SyncStatus.ERROR);
		assertThat(run.errorMessage()).startsWith("600 of 600 listings failed. room-0:");
		assertThat(run.reachedChannel()).isFalse();
	}

	private static SyncRun started() {
		return SyncRun.start(UUID.randomUUID(), SyncTrigger.MANUAL, NOW.minusSeconds(60));
	}

}

package io.staysync.sync.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpreadIntervalTests {

	static final Duration FIFTEEN_MINUTES = Duration.ofMinutes(15);

	static final Instant NOW = Instant.parse("2026-11-29T21:07:13.250Z");

	@Test
	void integrationsActivatedTogetherFallDueSpreadOverTheInterval() {
		Random random = new Random(42);
		int[] perMinute = new int[15];
		for (int i = 0; i < 3_000; i++) {
			UUID id = new UUID(random.nextLong(), random.nextLong());
			Instant first = SpreadInterval.of(FIFTEEN_MINUTES, id).getInitialExecutionTime(NOW);
			assertThat(first).isAfter(NOW).isBeforeOrEqualTo(NOW.plus(FIFTEEN_MINUTES));
			perMinute[(int) Duration.between(NOW, first).toMinutes() % 15]++;
		}
		// 200 a minute when evenly spread; all at the start would be 3,000 in one
		for (int count : perMinute) {
			assertThat(count).isBetween(140, 260);
		}
	}

	@Test
	void idsDifferingInOneBitStillLandApart() {
		SpreadInterval one = SpreadInterval.of(FIFTEEN_MINUTES, new UUID(0, 1));
		SpreadInterval two = SpreadInterval.of(FIFTEEN_MINUTES, new UUID(0, 2));

		assertThat(Math.abs(one.phaseMillis() - two.phaseMillis())).isGreaterThan(1_000);
	}

	@Test
	void theSameIntegrationKeepsItsPhaseWhateverTheRestartTime() {
		UUID id = UUID.randomUUID();
		SpreadInterval schedule = SpreadInterval.of(FIFTEEN_MINUTES, id);

		assertThat(SpreadInterval.of(FIFTEEN_MINUTES, id)).isEqualTo(schedule);
		for (Instant restart : new Instant[] { NOW, NOW.plusSeconds(7), NOW.plus(Duration.ofHours(5)) }) {
			Instant due = schedule.getInitialExecutionTime(restart);
			assertThat(Math.floorMod(due.toEpochMilli(), FIFTEEN_MINUTES.toMillis())).isEqualTo(schedule.phaseMillis());
		}
	}

	@Test
	void theNextRunIsTheNextSlotAfterTheLastEndedNotOneIntervalAfterIt() {
		SpreadInterval schedule = new SpreadInterval(FIFTEEN_MINUTES.toMillis(), 0);
		Instant slot = Instant.parse("2026-11-29T21:00:00Z");

		// a run of 40 s ends 21:00:40: next at 21:15, not 21:15:40
		assertThat(schedule.getNextExecutionTime(completedAt(slot.plusSeconds(40))))
			.isEqualTo(Instant.parse("2026-11-29T21:15:00Z"));
		// a run of 20 min overran the 21:15 slot: next at 21:30
		assertThat(schedule.getNextExecutionTime(completedAt(slot.plus(Duration.ofMinutes(20)))))
			.isEqualTo(Instant.parse("2026-11-29T21:30:00Z"));
		// ending exactly on a slot: the next one
		assertThat(schedule.next(slot)).isEqualTo(Instant.parse("2026-11-29T21:15:00Z"));
	}

	@Test
	void itSurvivesTheSchedulersSerialization() throws Exception {
		SpreadInterval schedule = SpreadInterval.of(Duration.ofSeconds(30), UUID.randomUUID());
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
			out.writeObject(schedule);
		}
		try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
			assertThat(in.readObject()).isEqualTo(schedule);
		}
	}

	@Test
	void aPhaseOutsideTheIntervalIsRefused() {
		assertThatThrownBy(() -> new SpreadInterval(1_000, 1_000)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new SpreadInterval(0, 0)).isInstanceOf(IllegalArgumentException.class);
	}

	private static ExecutionComplete completedAt(Instant done) {
		return ExecutionComplete.simulatedSuccess(done);
	}

}

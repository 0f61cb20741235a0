package io.staysync.integrations;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SyncIntervalTests {

	@Test
	void fromEveryMinuteToOnceADay() {
		assertThat(SyncInterval.problem(1)).isEmpty();
		assertThat(SyncInterval.problem(1440)).isEmpty();
		assertThat(SyncInterval.problem(0)).contains("must be at least 1 minute");
		assertThat(SyncInterval.problem(-5)).contains("must be at least 1 minute");
		assertThat(SyncInterval.problem(1441)).contains("must be at most 1440 minutes (24 hours)");
		assertThat(new SyncInterval(15).minutes()).isEqualTo(15);
		assertThatIllegalArgumentException().isThrownBy(() -> new SyncInterval(0))
			.withMessageContaining("at least 1 minute");
	}

}

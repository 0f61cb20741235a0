package io.staysync.sync.internal;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AvailabilitySettingsTests {

	@Test
	void defaultsWithoutAnyProperty() {
		assertThat(bind(Map.of())).isEqualTo(new AvailabilitySettings(Duration.ofSeconds(5), Duration.ofSeconds(60),
				Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(30), 8));
	}

	@Test
	void bindsThePropertyNamesOperatorsAlreadyUse() {
		AvailabilitySettings bound = bind(
				Map.of("staysync.availability.debounce", "3s", "staysync.availability.longest-wait", "30s",
						"staysync.availability.drain-interval", "500ms", "staysync.availability.retry-base", "200ms",
						"staysync.availability.retry-cap", "1h", "staysync.availability.max-attempts", "3"));

		assertThat(bound).isEqualTo(new AvailabilitySettings(Duration.ofSeconds(3), Duration.ofSeconds(30),
				Duration.ofMillis(500), Duration.ofMillis(200), Duration.ofHours(1), 3));
	}

	@Test
	void aZeroDebouncePushesAtTheNextDrain() {
		assertThat(bind(Map.of("staysync.availability.debounce", "0s")).debounce()).isZero();
	}

	@Test
	void refusesValuesThatWouldNeverPushOrNeverRetry() {
		assertThatThrownBy(() -> bind(Map.of("staysync.availability.max-attempts", "0")))
			.hasStackTraceContaining("staysync.availability.max-attempts must be at least 1");
		assertThatThrownBy(() -> bind(Map.of("staysync.availability.debounce", "-5s")))
			.hasStackTraceContaining("staysync.availability.debounce must not be a negative duration");
		assertThatThrownBy(() -> bind(Map.of("staysync.availability.drain-interval", "0s")))
			.hasStackTraceContaining("staysync.availability.drain-interval must be a positive duration");
		assertThatThrownBy(() -> bind(Map.of("staysync.availability.retry-base", "-30s")))
			.hasStackTraceContaining("staysync.availability.retry-base must be a positive duration");
		assertThatThrownBy(() -> bind(Map.of("staysync.availability.retry-cap", "0m")))
			.hasStackTraceContaining("staysync.availability.retry-cap must be a positive duration");
		assertThatThrownBy(() -> bind(Map.of("staysync.availability.longest-wait", "0s")))
			.hasStackTraceContaining("staysync.availability.longest-wait must be a positive duration");
	}

	private static AvailabilitySettings bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("staysync.availability",
				AvailabilitySettings.class);
	}

}

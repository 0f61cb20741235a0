package io.staysync.sync.internal;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventSettingsTests {

	@Test
	void defaultsWithoutAnyProperty() {
		assertThat(bind(Map.of())).isEqualTo(new EventSettings(Duration.ofMinutes(1), Duration.ofMinutes(5)));
	}

	@Test
	void bindsThePropertyNamesOperatorsAlreadyUse() {
		EventSettings bound = bind(
				Map.of("staysync.events.resubmit-interval", "1s", "staysync.events.resubmit-older-than", "4s"));

		assertThat(bound).isEqualTo(new EventSettings(Duration.ofSeconds(1), Duration.ofSeconds(4)));
	}

	@Test
	void refusesToResubmitPublicationsStillInProgress() {
		assertThatThrownBy(() -> bind(Map.of("staysync.events.resubmit-older-than", "0s")))
			.hasStackTraceContaining("staysync.events.resubmit-older-than must be a positive duration");
		assertThatThrownBy(() -> bind(Map.of("staysync.events.resubmit-interval", "-5m")))
			.hasStackTraceContaining("staysync.events.resubmit-interval must be a positive duration");
	}

	private static EventSettings bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("staysync.events",
				EventSettings.class);
	}

}

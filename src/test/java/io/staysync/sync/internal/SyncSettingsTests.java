package io.staysync.sync.internal;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SyncSettingsTests {

	@Test
	void defaultsWithoutAnyProperty() {
		assertThat(bind(Map.of())).isEqualTo(new SyncSettings(Duration.ofSeconds(10), Duration.ofSeconds(35),
				Duration.ofSeconds(10), Duration.ofMinutes(1), Duration.ofHours(1), 16, 4));
	}

	@Test
	void bindsThePropertyNamesOperatorsAlreadyUse() {
		SyncSettings bound = bind(Map.of("staysync.sync.heartbeat-interval", "500ms", "staysync.sync.stale-after", "3s",
				"staysync.sync.stale-check-interval", "1s"));

		assertThat(bound).isEqualTo(new SyncSettings(Duration.ofMillis(500), Duration.ofSeconds(3),
				Duration.ofSeconds(1), Duration.ofMinutes(1), Duration.ofHours(1), 16, 4));
	}

	@Test
	void refusesIntervalsThatAreNotPositive() {
		assertThatThrownBy(() -> bind(Map.of("staysync.sync.heartbeat-interval", "0s")))
			.hasStackTraceContaining("staysync.sync.heartbeat-interval must be a positive duration");
		assertThatThrownBy(() -> bind(Map.of("staysync.sync.stale-check-interval", "-1m")))
			.hasStackTraceContaining("staysync.sync.stale-check-interval must be a positive duration");
	}

	@Test
	void timeBudgetsPerListingAndPerRun() {
		assertThat(bind(Map.of("staysync.sync.listing-time-budget", "20s", "staysync.sync.run-time-budget", "10m")))
			.isEqualTo(new SyncSettings(Duration.ofSeconds(10), Duration.ofSeconds(35), Duration.ofSeconds(10),
					Duration.ofSeconds(20), Duration.ofMinutes(10), 16, 4));
		assertThatThrownBy(() -> bind(Map.of("staysync.sync.listing-time-budget", "0s")))
			.hasStackTraceContaining("staysync.sync.listing-time-budget must be a positive duration");
		assertThatThrownBy(() -> bind(Map.of("staysync.sync.run-time-budget", "-1h")))
			.hasStackTraceContaining("staysync.sync.run-time-budget must be a positive duration");
	}

	@Test
	void listingsOfARunAtOnceOverallAndPerHost() {
		SyncSettings bound = bind(
				Map.of("staysync.sync.listing-concurrency", "32", "staysync.sync.per-host-concurrency", "2"));

		assertThat(bound.listingConcurrency()).isEqualTo(32);
		assertThat(bound.perHostConcurrency()).isEqualTo(2);
		assertThatThrownBy(() -> bind(Map.of("staysync.sync.listing-concurrency", "0")))
			.hasStackTraceContaining("staysync.sync.listing-concurrency must be at least 1");
		assertThatThrownBy(() -> bind(Map.of("staysync.sync.per-host-concurrency", "-1")))
			.hasStackTraceContaining("staysync.sync.per-host-concurrency must be at least 1");
	}

	@Test
	void byDefaultARunWhoseInstanceDiedIsClosedWithinAMinute() {
		SyncSettings defaults = bind(Map.of());
		// silent for stale-after, then found by the next check (plus one scheduler poll)
		Duration worst = defaults.staleAfter()
			.plus(defaults.staleCheckInterval())
			.plus(new SchedulerSettings(true, true, true, 4, Duration.ofSeconds(10)).pollingInterval());

		assertThat(worst).isLessThanOrEqualTo(Duration.ofMinutes(1));
		assertThat(defaults.staleAfter()).as("three heartbeats may be missed before a run counts as abandoned")
			.isGreaterThanOrEqualTo(defaults.heartbeatInterval().multipliedBy(3));
	}

	@Test
	void refusesToCallRunsAbandonedBetweenTwoHeartbeats() {
		assertThatThrownBy(
				() -> bind(Map.of("staysync.sync.heartbeat-interval", "1m", "staysync.sync.stale-after", "1m")))
			.hasStackTraceContaining("staysync.sync.stale-after must be longer than staysync.sync.heartbeat-interval");
	}

	private static SyncSettings bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("staysync.sync",
				SyncSettings.class);
	}

}

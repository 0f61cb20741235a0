package io.staysync.sync.internal;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchedulerSettingsTests {

	@Test
	void defaultsWithoutAnyProperty() {
		assertThat(bind(Map.of())).isEqualTo(new SchedulerSettings(true, true, true, 4, Duration.ofSeconds(10)));
	}

	@Test
	void bindsThePropertyNamesOperatorsAlreadyUse() {
		SchedulerSettings bound = bind(Map.of("staysync.scheduler.enabled", "false", "staysync.scheduler.threads", "2",
				"staysync.scheduler.polling-interval", "1s"));

		assertThat(bound).isEqualTo(new SchedulerSettings(false, true, true, 2, Duration.ofSeconds(1)));
	}

	@Test
	void theEnvironmentVariableOfTheReadmeTurnsTheSchedulerOff() {
		SystemEnvironmentPropertySource environment = new SystemEnvironmentPropertySource("env",
				Map.of("STAYSYNC_SCHEDULER_ENABLED", "false"));

		SchedulerSettings bound = new Binder(ConfigurationPropertySources.from(environment))
			.bindOrCreate("staysync.scheduler", SchedulerSettings.class);

		assertThat(bound.enabled()).isFalse();
	}

	@Test
	void theOldSwitchStillStopsBothPartsAsItAlwaysDid() {
		SchedulerSettings off = bind(Map.of("staysync.scheduler.enabled", "false"));

		assertThat(off.runsSyncs()).isFalse();
		assertThat(off.runsHousekeeping()).isFalse();
	}

	@Test
	void scheduledSyncsAndHousekeepingAreSwitchedSeparately() {
		SystemEnvironmentPropertySource environment = new SystemEnvironmentPropertySource("env",
				Map.of("STAYSYNC_SCHEDULER_SYNCS_ENABLED", "false"));
		SchedulerSettings housekeepingOnly = new Binder(ConfigurationPropertySources.from(environment))
			.bindOrCreate("staysync.scheduler", SchedulerSettings.class);
		SchedulerSettings syncsOnly = bind(Map.of("staysync.scheduler.housekeeping-enabled", "false"));

		assertThat(housekeepingOnly.runsSyncs()).isFalse();
		assertThat(housekeepingOnly.runsHousekeeping()).isTrue();
		assertThat(SyncScheduling.parts(housekeepingOnly)).isEqualTo("housekeeping only");
		assertThat(syncsOnly.runsSyncs()).isTrue();
		assertThat(syncsOnly.runsHousekeeping()).isFalse();
		assertThat(SyncScheduling.parts(syncsOnly)).isEqualTo("scheduled syncs only");
		assertThat(SyncScheduling.parts(bind(Map.of()))).isEqualTo("scheduled syncs and housekeeping");
	}

	@Test
	void executionsOfADeadInstanceAreTakenOverWhenItsRunsCountAsAbandoned() {
		SyncSettings defaults = new SyncSettings(Duration.ofSeconds(10), Duration.ofSeconds(35), Duration.ofSeconds(10),
				Duration.ofMinutes(1), Duration.ofHours(1), 16, 4);

		assertThat(SyncScheduling.schedulerHeartbeat(defaults).multipliedBy(SyncScheduling.MISSED_HEARTBEATS))
			.isEqualTo(defaults.staleAfter());
		// db-scheduler refuses fewer
		assertThat(SyncScheduling.MISSED_HEARTBEATS).isGreaterThanOrEqualTo(4);
	}

	@Test
	void refusesASchedulerThatCouldNeverRunAnything() {
		assertThatThrownBy(() -> bind(Map.of("staysync.scheduler.threads", "0")))
			.hasStackTraceContaining("staysync.scheduler.threads must be at least 1");
		assertThatThrownBy(() -> bind(Map.of("staysync.scheduler.polling-interval", "-10s")))
			.hasStackTraceContaining("staysync.scheduler.polling-interval must be a positive duration");
	}

	private static SchedulerSettings bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("staysync.scheduler",
				SchedulerSettings.class);
	}

}

package io.staysync.sync.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.jdbc.DefaultJdbcCustomization;
import com.github.kagkarlsson.scheduler.jdbc.JdbcCustomization;
import com.github.kagkarlsson.scheduler.jdbc.PostgreSqlJdbcCustomization;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.PlainScheduleAndData;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTaskWithPersistentSchedule;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

/**
 * db-scheduler, wired by hand (its Boot 4 starter is not published): one recurring task
 * instance per active integration, its schedule stored with it, and the fixed recurring
 * housekeeping tasks ({@link SyncHousekeeping}). On PostgreSQL executions are claimed
 * with {@code SELECT … FOR UPDATE SKIP LOCKED}, so a cluster runs each due execution
 * once; a heartbeat every 30 s lets another instance take over one whose instance died.
 * <p>
 * The database dialect is chosen here rather than detected by db-scheduler, which has
 * none for H2 and warns on every start that it assumes columns with a time zone. They are
 * ({@code timestamp with time zone}, migration V6), so H2 gets the plain JDBC dialect.
 */
@Configuration(proxyBeanMethods = false)
class SyncScheduling {

	static final String TASK = "integration-sync";

	private static final Logger log = LoggerFactory.getLogger(SyncScheduling.class);

	@Bean
	RecurringTaskWithPersistentSchedule<PlainScheduleAndData> integrationSyncTask(ScheduledSyncs syncs) {
		return Tasks.recurringWithPersistentSchedule(TASK, PlainScheduleAndData.class)
			.execute((instance, context) -> syncs.run(UUID.fromString(instance.getId())));
	}

	/** For scheduling and cancelling; it runs nothing itself. */
	@Bean
	SchedulerClient schedulerClient(DataSource dataSource,
			RecurringTaskWithPersistentSchedule<PlainScheduleAndData> task) {
		return SchedulerClient.Builder.create(dataSource, task).jdbcCustomization(dialect(dataSource)).build();
	}

	/**
	 * Runs due executions while the application runs. A stopped db-scheduler cannot start
	 * again, and Spring may stop and restart the context (tests pause cached contexts),
	 * so every start builds a fresh one.
	 */
	@Bean
	SmartLifecycle schedulerLifecycle(DataSource dataSource,
			RecurringTaskWithPersistentSchedule<PlainScheduleAndData> task, List<RecurringTask<?>> housekeeping,
			SchedulerSettings settings) {
		return new SmartLifecycle() {

			private volatile Scheduler running;

			@Override
			public void start() {
				if (settings.enabled()) {
					running = build(dataSource, task, housekeeping, settings);
					running.start();
					log.info("Sync scheduler started");
				}
			}

			@Override
			public void stop() {
				Scheduler scheduler = running;
				running = null;
				if (scheduler != null) {
					scheduler.stop();
				}
			}

			@Override
			public boolean isRunning() {
				return running != null;
			}

			/**
			 * After the web server: the schema is migrated and the app answers before
			 * jobs run.
			 */
			@Override
			public int getPhase() {
				return Integer.MAX_VALUE - 100;
			}

		};
	}

	private static Scheduler build(DataSource dataSource,
			RecurringTaskWithPersistentSchedule<PlainScheduleAndData> task, List<RecurringTask<?>> housekeeping,
			SchedulerSettings settings) {
		JdbcCustomization dialect = dialect(dataSource);
		// Start tasks become known tasks too: naming them twice would clash.
		SchedulerBuilder builder = Scheduler.create(dataSource, task)
			.jdbcCustomization(dialect)
			.startTasks(housekeeping)
			.threads(settings.threads())
			.pollingInterval(settings.pollingInterval())
			.heartbeatInterval(Duration.ofSeconds(30))
			.missedHeartbeatsLimit(6)
			.shutdownMaxWait(Duration.ofSeconds(20));
		if (dialect instanceof PostgreSqlJdbcCustomization) {
			builder.pollUsingLockAndFetch(0.5, 1.0);
		}
		return builder.build();
	}

	/**
	 * What db-scheduler's own detection picks for PostgreSQL, and its default for other
	 * databases, without the warning: timestamps keep their zone in both.
	 */
	private static JdbcCustomization dialect(DataSource dataSource) {
		return isPostgres(dataSource) ? new PostgreSqlJdbcCustomization(false, false)
				: new DefaultJdbcCustomization(false);
	}

	private static boolean isPostgres(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			return connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
		}
		catch (SQLException unreachable) {
			throw new IllegalStateException("Cannot reach the database to start the scheduler", unreachable);
		}
	}

}

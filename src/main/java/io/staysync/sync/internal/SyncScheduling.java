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
import com.github.kagkarlsson.scheduler.task.Task;

/**
 * db-scheduler, wired by hand (its Boot 4 starter is not published): one recurring task
 * instance per active integration, its schedule stored with it, and the fixed recurring
 * housekeeping tasks ({@link SyncHousekeeping}). On PostgreSQL executions are claimed
 * with {@code SELECT … FOR UPDATE SKIP LOCKED}, so a cluster runs each due execution
 * once; a heartbeat (every {@code staysync.sync.heartbeat-interval}) lets another
 * instance take over one whose instance died. An instance may run the scheduled syncs,
 * the housekeeping, both or neither ({@link SchedulerSettings}).
 * <p>
 * The database dialect is chosen here rather than detected by db-scheduler, which has
 * none for H2 and warns on every start that it assumes columns with a time zone. They are
 * ({@code timestamp with time zone}, migration V6), so H2 gets the plain JDBC dialect.
 */
@Configuration(proxyBeanMethods = false)
class SyncScheduling {

	static final String TASK = "integration-sync";

	private static final Logger log = LoggerFactory.getLogger(SyncScheduling.class);

	/**
	 * Said at every start of an instance that runs no housekeeping: it cannot know
	 * whether another instance of the cluster does.
	 */
	static final String HOUSEKEEPING_OFF = "Housekeeping is off on this instance (staysync.scheduler.enabled or"
			+ " staysync.scheduler.housekeeping-enabled is false): it does not close abandoned sync runs, drain the"
			+ " availability outbox or resubmit stuck events. Make sure another instance of the cluster runs"
			+ " housekeeping and drains the outbox, or availability is never pushed to the channels.";

	/**
	 * Executions of tasks this instance does not run are another instance's: never
	 * deleted for being unknown here (db-scheduler's default deletes them after 14 days).
	 */
	static final Duration KEEP_OTHER_INSTANCES_TASKS = Duration.ofDays(365L * 100);

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
			SchedulerSettings settings, SyncSettings liveness) {
		return new SmartLifecycle() {

			private volatile Scheduler running;

			@Override
			public void start() {
				if (!settings.runsHousekeeping()) {
					log.warn(HOUSEKEEPING_OFF);
				}
				if (settings.runsSyncs() || settings.runsHousekeeping()) {
					running = build(dataSource, task, housekeeping, settings, liveness);
					running.start();
					log.info("Sync scheduler started: {} on this instance", parts(settings));
				}
				else {
					log.info("Sync scheduler not started: neither scheduled syncs nor housekeeping run on this"
							+ " instance (staysync.scheduler.*)");
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

	/**
	 * A scheduler that knows only the tasks this instance runs: executions of the others
	 * stay unresolved here, so it never picks them, and are never deleted for it. Its
	 * heartbeat follows the sync runs' own, so that an execution whose instance died is
	 * taken over as soon as the run it was carrying counts as abandoned.
	 */
	private static Scheduler build(DataSource dataSource,
			RecurringTaskWithPersistentSchedule<PlainScheduleAndData> task, List<RecurringTask<?>> housekeeping,
			SchedulerSettings settings, SyncSettings liveness) {
		JdbcCustomization dialect = dialect(dataSource);
		List<Task<?>> known = settings.runsSyncs() ? List.of(task) : List.of();
		SchedulerBuilder builder = Scheduler.create(dataSource, known)
			.jdbcCustomization(dialect)
			.threads(settings.threads())
			.pollingInterval(settings.pollingInterval())
			.heartbeatInterval(schedulerHeartbeat(liveness))
			.missedHeartbeatsLimit(MISSED_HEARTBEATS)
			.deleteUnresolvedAfter(KEEP_OTHER_INSTANCES_TASKS)
			.shutdownMaxWait(Duration.ofSeconds(20));
		if (settings.runsHousekeeping()) {
			// Start tasks become known tasks too: naming them twice would clash.
			builder.startTasks(housekeeping);
		}
		if (dialect instanceof PostgreSqlJdbcCustomization) {
			builder.pollUsingLockAndFetch(0.5, 1.0);
		}
		return builder.build();
	}

	/**
	 * Heartbeats an execution may miss before another instance takes it over: the least
	 * db-scheduler accepts.
	 */
	static final int MISSED_HEARTBEATS = 4;

	/**
	 * The scheduler's heartbeat: an execution whose instance died is taken over after
	 * {@link #MISSED_HEARTBEATS} of them, as soon as the run it carried counts as
	 * abandoned ({@code staysync.sync.stale-after}).
	 */
	static Duration schedulerHeartbeat(SyncSettings liveness) {
		return liveness.staleAfter().dividedBy(MISSED_HEARTBEATS);
	}

	static String parts(SchedulerSettings settings) {
		if (settings.runsSyncs() && settings.runsHousekeeping()) {
			return "scheduled syncs and housekeeping";
		}
		return settings.runsSyncs() ? "scheduled syncs only" : "housekeeping only";
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

package io.staysync.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

import io.staysync.test.ApiIntegrationTest;
import io.staysync.test.OnPostgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two scheduler instances on one PostgreSQL, configured the way Staysync configures its
 * own (lock-and-fetch polling), share many due executions: each runs exactly once.
 */
@OnPostgres
class SchedulerClusterOnPostgresIntegrationTests extends ApiIntegrationTest {

	@Autowired
	DataSource dataSource;

	@Test
	void everyDueExecutionRunsOnceAcrossTwoInstances() {
		Map<String, AtomicInteger> executions = new ConcurrentHashMap<>();
		OneTimeTask<Void> work = Tasks.oneTime("cluster-test").execute((instance, context) -> {
			executions.computeIfAbsent(instance.getId(), id -> new AtomicInteger()).incrementAndGet();
			sleep();
		});
		Scheduler first = instance(work, "first");
		Scheduler second = instance(work, "second");
		try {
			int count = 300;
			for (int i = 0; i < count; i++) {
				first.schedule(work.instance("job-" + i), Instant.now());
			}
			first.start();
			second.start();

			await().atMost(Duration.ofSeconds(60))
				.until(() -> executions.size() == count
						&& jdbc.sql("select count(*) from scheduled_tasks where task_name = 'cluster-test'")
							.query(Long.class)
							.single() == 0);

			assertThat(executions.values()).allSatisfy(times -> assertThat(times.get()).isEqualTo(1));
		}
		finally {
			first.stop();
			second.stop();
		}
	}

	private Scheduler instance(OneTimeTask<Void> task, String name) {
		return Scheduler.create(dataSource, task)
			.schedulerName(new SchedulerName.Fixed(name))
			.threads(4)
			.pollingInterval(Duration.ofMillis(200))
			.pollUsingLockAndFetch(0.5, 1.0)
			.build();
	}

	private static void sleep() {
		try {
			Thread.sleep(5);
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
		}
	}

}

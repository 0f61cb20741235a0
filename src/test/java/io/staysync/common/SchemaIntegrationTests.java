package io.staysync.common;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;

import io.staysync.test.ApiIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Flyway schema, including the event publication registry that Modulith writes to.
 */
@Import(SchemaIntegrationTests.RecordingListener.class)
class SchemaIntegrationTests extends ApiIntegrationTest {

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void everyMigrationRan() {
		assertThat(
				jdbc.sql("select count(*) from flyway_schema_history where success = false").query(Long.class).single())
			.isZero();
		assertThat(
				jdbc.sql("select version from flyway_schema_history where version is not null order by installed_rank")
					.query(String.class)
					.list())
			.startsWith("1");
	}

	@Test
	void eventsPublishedInATransactionAreRecordedInTheRegistryAndCompleted() {
		String what = UUID.randomUUID().toString();

		transactions.executeWithoutResult(status -> events.publishEvent(new SomethingHappened(what)));

		await().atMost(Duration.ofSeconds(10)).until(() -> RecordingListener.received.contains(what));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> jdbc
				.sql("select count(*) from event_publication where completion_date is not null"
						+ " and serialized_event like :what")
				.param("what", "%" + what + "%")
				.query(Long.class)
				.single() == 1);
	}

	record SomethingHappened(String what) {
	}

	@Component
	static class RecordingListener {

		static final Set<String> received = ConcurrentHashMap.newKeySet();

		@ApplicationModuleListener
		void on(SomethingHappened event) {
			received.add(event.what());
		}

	}

}

package io.staysync.sync;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import io.staysync.test.ApiIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A publication whose listener failed stays incomplete in the registry, and the
 * cluster-wide db-scheduler task hands it to its listener again once it is older than the
 * threshold; no restart needed, and no one resubmits it while it is younger.
 */
@Import(EventResubmissionIntegrationTests.FailsOnce.class)
@TestPropertySource(properties = { "staysync.scheduler.polling-interval=1s", "staysync.events.resubmit-interval=1s",
		"staysync.events.resubmit-older-than=4s" })
class EventResubmissionIntegrationTests extends ApiIntegrationTest {

	record Parcel(UUID id) {
	}

	@TestConfiguration
	static class FailsOnce {

		/**
		 * Static: the listener bean is proxied (asynchronous), so a field would be read
		 * from the proxy.
		 */
		static final AtomicInteger deliveries = new AtomicInteger();

		@ApplicationModuleListener
		void on(Parcel parcel) {
			if (deliveries.incrementAndGet() == 1) {
				throw new IllegalStateException("the first delivery fails, as a listener whose peer is down would");
			}
		}

	}

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void aPublicationLeftIncompleteByAFailingListenerIsResubmittedAndCompletes() throws Exception {
		UUID id = UUID.randomUUID();
		transactions.executeWithoutResult(status -> events.publishEvent(new Parcel(id)));

		await().atMost(Duration.ofSeconds(5)).until(() -> FailsOnce.deliveries.get() == 1);
		Thread.sleep(1500);
		assertThat(FailsOnce.deliveries).as("younger than the threshold: left alone").hasValue(1);
		assertThat(publications(id, "completion_date is null")).isEqualTo(1);

		await().atMost(Duration.ofSeconds(20)).until(() -> publications(id, "completion_date is not null") == 1);
		assertThat(FailsOnce.deliveries).hasValue(2);
		assertThat(publications(id, "completion_date is null")).isZero();
	}

	private long publications(UUID id, String condition) {
		return count("event_publication where listener_id like '%FailsOnce%' and serialized_event like '%" + id
				+ "%' and " + condition);
	}

}

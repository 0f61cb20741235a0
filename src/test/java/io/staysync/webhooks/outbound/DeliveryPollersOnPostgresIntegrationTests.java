package io.staysync.webhooks.outbound;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.convention.TestBean;

import io.staysync.common.http.GuardedHttpClient;
import io.staysync.common.http.GuardedHttpSettings;
import io.staysync.common.http.TestGuardedClients;
import io.staysync.test.ApiIntegrationTest;
import io.staysync.test.OnPostgres;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two pollers (two instances, as far as the database can tell: each claims in its own
 * transaction) drain one outbox at the same time on PostgreSQL: every delivery reaches
 * the receiver exactly once.
 */
@OnPostgres
@TestPropertySource(properties = { "staysync.scheduler.enabled=false",
		"staysync.webhooks.outbound.sending-enabled=false", "staysync.webhooks.outbound.batch-size=5" })
class DeliveryPollersOnPostgresIntegrationTests extends ApiIntegrationTest {

	static final Map<String, String> HOSTS = new ConcurrentHashMap<>(Map.of("hooks.example.com", "127.0.0.1"));

	static final int DELIVERIES = 300;

	@TestBean(name = WebhookHttp.CLIENT, methodName = "receiverClient")
	GuardedHttpClient webhookClient;

	@Autowired
	DeliveryPoller poller;

	@Autowired
	DeliveryOutbox outbox;

	@Autowired
	SubscriptionManagement subscriptions;

	static GuardedHttpClient receiverClient() {
		return TestGuardedClients
			.resolving(WebhookHttp.forDeliveries(GuardedHttpSettings.defaults(), Duration.ofSeconds(5)), HOSTS);
	}

	@AfterEach
	void cleanUp() {
		jdbc.sql("delete from webhook_subscriptions").update();
	}

	@Test
	void twoPollersAtOnceNeverSendTheSameDeliveryTwice() throws Exception {
		ExecutorService pollers = Executors.newFixedThreadPool(2);
		try (WebhookReceiver receiver = new WebhookReceiver()) {
			var subscription = subscriptions
				.create(new SubscriptionRequest(receiver.url("hooks.example.com", "/in"), List.of("*"), null, true))
				.subscription();
			for (int i = 0; i < DELIVERIES; i++) {
				outbox.enqueue(subscription.id(),
						WebhookMessage.of(EventType.TEST, Instant.now(), Map.of("sequence", i)));
			}
			CyclicBarrier start = new CyclicBarrier(2);
			Callable<Integer> drainAll = () -> {
				start.await();
				int sent = 0;
				for (int attempts; (attempts = poller.drain()) > 0;) {
					sent += attempts;
				}
				return sent;
			};
			Future<Integer> first = pollers.submit(drainAll);
			Future<Integer> second = pollers.submit(drainAll);

			assertThat(first.get() + second.get()).isEqualTo(DELIVERIES);
			assertThat(first.get()).as("both pollers took part").isPositive();
			assertThat(second.get()).as("both pollers took part").isPositive();
			Map<String, Long> perId = receiver.received()
				.stream()
				.collect(Collectors.groupingBy(WebhookReceiver.Received::id, Collectors.counting()));
			assertThat(perId).hasSize(DELIVERIES).allSatisfy((id, times) -> assertThat(times).isEqualTo(1));
			assertThat(count("webhook_deliveries where status = 'delivered' and attempts = 1")).isEqualTo(DELIVERIES);
		}
		finally {
			pollers.shutdownNow();
		}
	}

}

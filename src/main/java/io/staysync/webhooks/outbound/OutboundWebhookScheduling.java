package io.staysync.webhooks.outbound;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

/**
 * The two recurring tasks of outbound webhooks, run by the application's db-scheduler
 * (one execution at a time across the cluster): send what is due, and prune the delivery
 * log.
 */
@Configuration(proxyBeanMethods = false)
class OutboundWebhookScheduling {

	static final String DELIVERIES = "webhook-deliveries";

	static final String PRUNING = "webhook-delivery-pruning";

	@Bean
	RecurringTask<Void> webhookDeliveryTask(DeliveryPoller poller, OutboundWebhookSettings settings) {
		return Tasks.recurring(DELIVERIES, FixedDelay.of(settings.pollInterval()))
			.execute((instance, context) -> poller.drain());
	}

	@Bean
	RecurringTask<Void> webhookPruningTask(DeliveryOutbox outbox, OutboundWebhookSettings settings) {
		return Tasks.recurring(PRUNING, FixedDelay.ofHours(1))
			.execute((instance, context) -> outbox.prune(settings.bodyRetention(), settings.logRetention()));
	}

}

package io.staysync.webhooks.outbound;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

/**
 * Pruning of the delivery log, an hourly db-scheduler task (one execution at a time
 * across the cluster). Sending is not scheduled here but by each instance's
 * {@link DeliveryPump}.
 */
@Configuration(proxyBeanMethods = false)
class OutboundWebhookScheduling {

	static final String PRUNING = "webhook-delivery-pruning";

	@Bean
	RecurringTask<Void> webhookPruningTask(DeliveryOutbox outbox, OutboundWebhookSettings settings) {
		return Tasks.recurring(PRUNING, FixedDelay.ofHours(1))
			.execute((instance, context) -> outbox.prune(settings.bodyRetention(), settings.logRetention()));
	}

}

package io.staysync.integrations.internal;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.staysync.integrations.IntegrationStatus;
import io.staysync.integrations.IntegrationStatusChanged;
import io.staysync.integrations.SyncFailed;
import io.staysync.integrations.SyncOutcome;

/**
 * Records what a test or a sync found on an integration in a short transaction of its
 * own, reloading and retrying when another outcome was written at the same moment:
 * outcomes are facts to keep, not edits to refuse. A status that changes is published
 * ({@link IntegrationStatusChanged}) in the same transaction.
 */
@Component
class IntegrationOutcomes {

	private static final int ATTEMPTS = 5;

	private final IntegrationRepository integrations;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	IntegrationOutcomes(IntegrationRepository integrations, PlatformTransactionManager transactionManager,
			ApplicationEventPublisher events) {
		this.integrations = integrations;
		this.events = events;
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * The end of a sync; one that failed (no listing synced, or the channel not reached)
	 * is published as {@link SyncFailed}.
	 */
	Integration recordSync(UUID integrationId, Instant at, SyncOutcome outcome, String error, boolean reachedChannel) {
		return record(integrationId, integration -> {
			integration.recordSync(at, outcome, error, reachedChannel);
			if (outcome == SyncOutcome.ERROR || !reachedChannel) {
				events.publishEvent(new SyncFailed(integration.id(), integration.type(), at, error));
			}
		});
	}

	Integration record(UUID integrationId, Consumer<Integration> outcome) {
		for (int attempt = 1;; attempt++) {
			try {
				return transactions.execute(status -> integrations.findById(integrationId).map(integration -> {
					IntegrationStatus before = integration.status();
					outcome.accept(integration);
					Integration saved = integrations.save(integration);
					if (saved.status() != before) {
						events.publishEvent(new IntegrationStatusChanged(saved.id(), saved.type(), before,
								saved.status(), saved.statusMessage()));
					}
					return saved;
				}).orElse(null));
			}
			catch (OptimisticLockingFailureException concurrent) {
				if (attempt == ATTEMPTS) {
					throw concurrent;
				}
			}
		}
	}

}

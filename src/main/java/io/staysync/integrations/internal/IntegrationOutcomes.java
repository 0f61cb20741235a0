package io.staysync.integrations.internal;

import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records what a test or a sync found on an integration in a short transaction of its
 * own, reloading and retrying when another outcome was written at the same moment:
 * outcomes are facts to keep, not edits to refuse.
 */
@Component
class IntegrationOutcomes {

	private static final int ATTEMPTS = 5;

	private final IntegrationRepository integrations;

	private final TransactionTemplate transactions;

	IntegrationOutcomes(IntegrationRepository integrations, PlatformTransactionManager transactionManager) {
		this.integrations = integrations;
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	Integration record(UUID integrationId, Consumer<Integration> outcome) {
		for (int attempt = 1;; attempt++) {
			try {
				return transactions.execute(status -> integrations.findById(integrationId).map(integration -> {
					outcome.accept(integration);
					return integrations.save(integration);
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

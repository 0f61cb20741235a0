package io.staysync.integrations.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.staysync.channels.ChannelCredentials;
import io.staysync.channels.ChannelType;
import io.staysync.common.NotFoundException;
import io.staysync.integrations.ChannelAccount;
import io.staysync.integrations.ChannelAccounts;
import io.staysync.integrations.MappedListing;
import io.staysync.integrations.SyncOutcome;
import io.staysync.integrations.WaitingReservation;
import io.staysync.integrations.internal.MappingManagement.MappingRequest;

/** Integrations as the sync engine uses them. */
@Service
class ChannelAccountDirectory implements ChannelAccounts {

	private static final Logger log = LoggerFactory.getLogger(ChannelAccountDirectory.class);

	private final IntegrationRepository integrations;

	private final ListingMappingRepository mappings;

	private final IntegrationSecrets secrets;

	private final MappingManagement mappingManagement;

	private final IntegrationOutcomes outcomes;

	private final WaitingReservations waiting;

	ChannelAccountDirectory(IntegrationRepository integrations, ListingMappingRepository mappings,
			IntegrationSecrets secrets, MappingManagement mappingManagement, IntegrationOutcomes outcomes,
			WaitingReservations waiting) {
		this.outcomes = outcomes;
		this.waiting = waiting;
		this.integrations = integrations;
		this.mappings = mappings;
		this.secrets = secrets;
		this.mappingManagement = mappingManagement;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<ChannelAccount> find(ChannelType type) {
		return integrations.findByType(type).map(ChannelAccountDirectory::account);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<ChannelAccount> find(UUID integrationId) {
		return integrations.findById(integrationId).map(ChannelAccountDirectory::account);
	}

	@Override
	@Transactional(readOnly = true)
	public List<ChannelAccount> all() {
		return integrations.findAll().stream().map(ChannelAccountDirectory::account).toList();
	}

	@Override
	@Transactional(readOnly = true)
	public ChannelCredentials credentials(UUID integrationId) {
		Integration integration = integrations.findById(integrationId)
			.orElseThrow(() -> NotFoundException.of("Integration", integrationId));
		return secrets.credentials(integration, mappings.findByIntegrationIdOrderByExternalListingId(integrationId));
	}

	@Override
	@Transactional(readOnly = true)
	public Set<UUID> integrationsMappedTo(UUID propertyId) {
		return Set.copyOf(mappings.findIntegrationIdsByPropertyId(propertyId));
	}

	@Override
	@Transactional(readOnly = true)
	public List<MappedListing> mappedListings(UUID integrationId) {
		return mappings.findByIntegrationIdOrderByExternalListingId(integrationId)
			.stream()
			.map(mapping -> new MappedListing(mapping.externalListingId(), mapping.createdAt()))
			.toList();
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<String> webhookSecret(UUID integrationId) {
		return integrations.findById(integrationId).flatMap(secrets::webhookSecret);
	}

	@Override
	@Transactional
	public int mapListings(ChannelType type, Map<String, UUID> propertyMapping) {
		List<MappingRequest> requests = propertyMapping.entrySet()
			.stream()
			.map(entry -> new MappingRequest(entry.getKey(), entry.getValue(), null))
			.toList();
		mappingManagement.merge(type, requests);
		return requests.size();
	}

	@Override
	public void notePause(UUID integrationId, String message) {
		outcomes.record(integrationId, integration -> integration.notePause(message));
	}

	/**
	 * Retried on a concurrent change (a connection test at the same moment): the outcome
	 * must not be lost.
	 */
	@Override
	public void recordSync(UUID integrationId, Instant at, SyncOutcome outcome, String error, boolean reachedChannel) {
		outcomes.recordSync(integrationId, at, outcome, error, reachedChannel);
	}

	@Override
	public void recordWaiting(UUID integrationId, List<WaitingReservation> seen, boolean complete) {
		try {
			waiting.record(integrationId, seen, complete);
		}
		catch (RuntimeException failed) {
			log.warn("Could not record the reservations of integration {} that wait for a mapping", integrationId,
					failed);
		}
	}

	private static ChannelAccount account(Integration integration) {
		return new ChannelAccount(integration.id(), integration.type(), integration.mode(), integration.active(),
				integration.syncIntervalMinutes(), integration.status());
	}

}

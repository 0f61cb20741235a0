package io.staysync.integrations;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.staysync.channels.ChannelCredentials;
import io.staysync.channels.ChannelType;

/**
 * What the sync engine needs of integrations: find them, open their credentials, record
 * outcomes.
 */
public interface ChannelAccounts {

	Optional<ChannelAccount> find(ChannelType type);

	Optional<ChannelAccount> find(UUID integrationId);

	List<ChannelAccount> all();

	/**
	 * Decrypted credentials and mapped listings for one sync.
	 * @throws io.staysync.security.vault.VaultException when the stored secrets cannot be
	 * decrypted
	 */
	ChannelCredentials credentials(UUID integrationId);

	/** The listings mapped for an integration, without opening any secret. */
	List<MappedListing> mappedListings(UUID integrationId);

	/** The integrations with a listing mapped to this property, whatever their state. */
	Set<UUID> integrationsMappedTo(UUID propertyId);

	/**
	 * The decrypted webhook secret, for verifying a channel's notifications; empty when
	 * none is configured (verification then fails closed).
	 */
	Optional<String> webhookSecret(UUID integrationId);

	/** Says on the integration why scheduled syncs are paused (it stays in error). */
	void notePause(UUID integrationId, String message);

	/**
	 * Adds or remaps listings (the {@code propertyMapping} of a sync request); others
	 * stay.
	 */
	int mapListings(ChannelType type, Map<String, UUID> propertyMapping);

	/**
	 * Records the end of a sync: last sync time, outcome and error, and the integration's
	 * status (connected after a run that reached the channel, error with the message
	 * otherwise).
	 */
	void recordSync(UUID integrationId, Instant at, SyncOutcome outcome, String error, boolean reachedChannel);

	/**
	 * Records the reservations a pull found waiting for a mapping. A complete pull (every
	 * queue read) lists all of them, so the ones it no longer lists are forgotten; an
	 * incomplete one only adds what it saw. Never throws: what waits is also in the run's
	 * outcome.
	 */
	void recordWaiting(UUID integrationId, List<WaitingReservation> waiting, boolean complete);

}

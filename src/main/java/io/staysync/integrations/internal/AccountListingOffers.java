package io.staysync.integrations.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import io.staysync.channels.AccountListings;
import io.staysync.channels.ChannelConnector;
import io.staysync.channels.ChannelConnectors;
import io.staysync.channels.ChannelCredentials;
import io.staysync.channels.ChannelType;
import io.staysync.security.vault.VaultException;

/**
 * The listings of a channel's connected account, offered when mapping listings so that a
 * manager picks one instead of copying its id from the channel, each with the property it
 * is already mapped to. Only an integration whose connector can list them (Airbnb in API
 * mode) is asked; the channel is called with the stored credentials outside any
 * transaction, and a failure is an offer of nothing with the channel's reason, never an
 * exception: typing the id keeps working.
 */
@Service
public class AccountListingOffers {

	private static final Logger log = LoggerFactory.getLogger(AccountListingOffers.class);

	private final IntegrationRepository integrations;

	private final ListingMappingRepository mappings;

	private final IntegrationSecrets secrets;

	private final ChannelConnectors connectors;

	AccountListingOffers(IntegrationRepository integrations, ListingMappingRepository mappings,
			IntegrationSecrets secrets, ChannelConnectors connectors) {
		this.integrations = integrations;
		this.mappings = mappings;
		this.secrets = secrets;
		this.connectors = connectors;
	}

	/**
	 * Whether the integration of this type, as saved, can list its account's listings.
	 */
	public boolean offered(ChannelType type) {
		return integrations.findByType(type).flatMap(this::lister).isPresent();
	}

	/**
	 * The account's listings as the channel names them now, or why they cannot be read.
	 */
	public Offer offer(ChannelType type) {
		Optional<Integration> stored = integrations.findByType(type);
		Optional<ChannelConnector> lister = stored.flatMap(this::lister);
		if (lister.isEmpty()) {
			return Offer.failed("This integration cannot list its account's listings in its current mode.");
		}
		Integration integration = stored.get();
		List<ListingMapping> mapped = mappings.findByIntegrationIdOrderByExternalListingId(integration.id());
		ChannelCredentials credentials;
		try {
			credentials = secrets.credentials(integration, mapped);
		}
		catch (VaultException unreadable) {
			return Offer.failed("The stored credentials cannot be decrypted (" + unreadable.getMessage()
					+ "). Enter them again, or restore the keyring they were saved with.");
		}
		AccountListings listed;
		try {
			listed = lister.get().listAccountListings(credentials);
		}
		catch (RuntimeException connectorBug) {
			log.error("Connector {} failed instead of reporting that it could not list the account's listings",
					lister.get().getClass().getSimpleName(), connectorBug);
			return Offer.failed("Listing the account's listings failed unexpectedly; see the server log.");
		}
		if (listed.problem() != null) {
			return Offer.failed(listed.problem());
		}
		Map<String, UUID> mappedTo = mapped.stream()
			.collect(Collectors.toMap(ListingMapping::externalListingId, ListingMapping::propertyId));
		return new Offer(listed.listings()
			.stream()
			.map(listing -> new OfferedListing(listing.externalListingId(), listing.name(),
					mappedTo.get(listing.externalListingId())))
			.toList(), null);
	}

	private Optional<ChannelConnector> lister(Integration integration) {
		return connectors.find(integration.type(), integration.mode()).filter(ChannelConnector::listsAccountListings);
	}

	/** The listings offered, or (with none) why they could not be read. */
	public record Offer(List<OfferedListing> listings, String problem) {

		public Offer {
			listings = List.copyOf(listings);
		}

		static Offer failed(String problem) {
			return new Offer(List.of(), problem);
		}

	}

	/**
	 * One listing of the account: its id on the channel, its name there, and the property
	 * it is mapped to ({@code null} when none).
	 */
	public record OfferedListing(String externalListingId, String name, UUID mappedTo) {
	}

}

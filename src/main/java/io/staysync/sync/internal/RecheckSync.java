package io.staysync.sync.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.staysync.bookings.BookingImport;
import io.staysync.bookings.ChannelBooking;
import io.staysync.channels.ChannelConnector;
import io.staysync.channels.ChannelCredentials;
import io.staysync.channels.ChannelListing;
import io.staysync.channels.ConnectionCheck;
import io.staysync.channels.OAuthTokenStore;
import io.staysync.channels.ReservationLookup;
import io.staysync.sync.Recheck;
import io.staysync.sync.internal.ChannelRechecks.Claimed;

/**
 * Reads again what notifications named, and applies only what the channel itself says: a
 * reservation re-read by its reference is applied like any fetched booking (in a
 * transaction of its own); one the channel does not know changes nothing, whoever sent
 * the notification. A notification that the authorization was revoked is believed only
 * when the channel refuses it too (the connector then reports it to the token store,
 * which forgets the tokens); while the channel accepts it, nothing changes.
 */
@Component
class RecheckSync {

	private static final Logger log = LoggerFactory.getLogger(RecheckSync.class);

	private final ChannelRechecks rechecks;

	private final BookingImport imports;

	private final TransactionTemplate transactions;

	private final ObjectProvider<OAuthTokenStore> tokens;

	RecheckSync(ChannelRechecks rechecks, BookingImport imports, TransactionTemplate transactions,
			ObjectProvider<OAuthTokenStore> tokens) {
		this.rechecks = rechecks;
		this.imports = imports;
		this.transactions = transactions;
		this.tokens = tokens;
	}

	/** One outcome per recheck this run claimed. */
	List<ListingOutcome> sync(UUID runId, ChannelConnector connector, ChannelCredentials credentials) {
		List<ListingOutcome> outcomes = new ArrayList<>();
		for (Claimed claimed : rechecks.claim(credentials.integrationId(), runId)) {
			outcomes.add(switch (claimed.recheck().kind()) {
				case RESERVATION -> reservation(runId, connector, credentials, claimed);
				case AUTHORIZATION -> authorization(runId, connector, credentials, claimed);
			});
		}
		return outcomes;
	}

	private ListingOutcome reservation(UUID runId, ChannelConnector connector, ChannelCredentials credentials,
			Claimed claimed) {
		UUID integration = credentials.integrationId();
		String reference = claimed.recheck().reference();
		String label = "reservation " + reference;
		ReservationLookup lookup;
		try {
			lookup = connector.fetchReservation(credentials, reference);
		}
		catch (RuntimeException connectorBug) {
			log.error("Connector failed re-reading reservation {} of integration {}", reference, integration,
					connectorBug);
			lookup = ReservationLookup.failed("The re-read failed unexpectedly; see the server log.");
		}
		if (lookup.problem() != null) {
			boolean again = rechecks.failed(integration, runId, claimed, lookup.problem());
			return ListingOutcome
				.failed(label, null,
						"Reservation " + reference + " named by a notification could not be read again ("
								+ lookup.problem() + "); "
								+ (again ? "it is tried again at a later sync." : "given up after "
										+ ChannelRechecks.MAX_ATTEMPTS
										+ " attempts: the scheduled reconciliation reads it with its listing."));
		}
		if (lookup.unknown()) {
			rechecks.done(integration, runId, claimed.recheck());
			return new ListingOutcome(label, null, ListingStatus.SUCCESS, 0, 0, 0, 0, 0,
					"A notification named reservation " + reference + ", which " + credentials.type().path()
							+ " does not know: it changed nothing.");
		}
		Optional<ChannelBooking> booking = lookup.booking().filter(found -> found.propertyId() != null);
		if (booking.isEmpty()) {
			rechecks.done(integration, runId, claimed.recheck());
			String listing = lookup.unmappedListing() == null ? "a listing" : "listing " + lookup.unmappedListing();
			return ListingOutcome.failed(lookup.unmappedListing() == null ? label : lookup.unmappedListing(), null,
					"Reservation " + reference + " is on " + credentials.type().path() + " " + listing
							+ ", which is not mapped to a property: it was not applied. Map the listing, and the next"
							+ " sync reads its reservations.");
		}
		return apply(runId, credentials, claimed, booking.get());
	}

	private ListingOutcome apply(UUID runId, ChannelCredentials credentials, Claimed claimed, ChannelBooking booking) {
		UUID integration = credentials.integrationId();
		ChannelListing listing = credentials.listings()
			.stream()
			.filter(mapped -> mapped.externalListingId().equals(booking.externalListingId()))
			.findFirst()
			.orElseGet(() -> new ChannelListing(booking.externalListingId(), booking.propertyId(), null));
		try {
			ListingOutcome outcome = transactions.execute(status -> {
				Tally tally = new Tally();
				tally.add(booking, imports.apply(booking));
				tally.note("reservation " + booking.externalId() + " read again after a notification");
				return tally.outcome(listing);
			});
			rechecks.done(integration, runId, claimed.recheck());
			return outcome;
		}
		catch (RuntimeException failed) {
			log.warn("Applying reservation {} of integration {} failed and was rolled back", booking.externalId(),
					integration, failed);
			String why = failed instanceof io.staysync.common.DomainException refused ? refused.getMessage()
					: ListingSync.lostConnection(failed) ? "the connection to the database was lost while storing it"
							: failed.getClass().getSimpleName();
			boolean again = rechecks.failed(integration, runId, claimed, why);
			return ListingOutcome.failed(listing.externalListingId(), listing.propertyId(),
					"Reservation " + booking.externalId() + " could not be stored and nothing of it was changed (" + why
							+ ")" + (again ? "; it is tried again at a later sync." : "."));
		}
	}

	private ListingOutcome authorization(UUID runId, ChannelConnector connector, ChannelCredentials credentials,
			Claimed claimed) {
		UUID integration = credentials.integrationId();
		String label = "authorization";
		OAuthTokenStore store = tokens.getIfAvailable();
		if (store == null || store.tokens(integration).isEmpty()) {
			rechecks.done(integration, runId, claimed.recheck());
			return new ListingOutcome(label, null, ListingStatus.SUCCESS, 0, 0, 0, 0, 0,
					"A notification said the authorization was revoked; none is stored, so there was nothing to"
							+ " confirm.");
		}
		ConnectionCheck check;
		try {
			check = connector.testConnection(credentials);
		}
		catch (RuntimeException connectorBug) {
			log.error("Connector failed checking the authorization of integration {}", integration, connectorBug);
			check = ConnectionCheck.failed("The check failed unexpectedly; see the server log.", List.of());
		}
		if (check.ok()) {
			rechecks.done(integration, runId, claimed.recheck());
			return new ListingOutcome(label, null, ListingStatus.SUCCESS, 0, 0, 0, 0, 0,
					"A notification said the authorization was revoked, but " + credentials.type().path()
							+ " still accepts it: the notification changed nothing.");
		}
		if (store.tokens(integration).isEmpty()) {
			rechecks.done(integration, runId, claimed.recheck());
			return ListingOutcome.failed(label, null, credentials.type().path()
					+ " confirmed that the authorization was revoked: an administrator must reconnect the account.");
		}
		boolean again = rechecks.failed(integration, runId, claimed, check.message());
		return ListingOutcome.failed(label, null,
				"A notification said the authorization was revoked, and checking it with " + credentials.type().path()
						+ " failed (" + check.message() + "); "
						+ (again ? "it is checked again at a later sync." : "given up; the tokens stay as they are."));
	}

}

package io.staysync.sync.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.staysync.bookings.BookingImport;
import io.staysync.bookings.BookingImport.Cancellation;
import io.staysync.bookings.ChannelBooking;
import io.staysync.bookings.ImportOutcome;
import io.staysync.channels.Acknowledgement;
import io.staysync.channels.ChannelConnector;
import io.staysync.channels.ChannelCredentials;
import io.staysync.channels.ChannelListing;
import io.staysync.channels.ChannelMessage;
import io.staysync.channels.MessagePull;
import io.staysync.channels.UnmappedStay;
import io.staysync.common.DomainException;
import io.staysync.integrations.ChannelAccounts;
import io.staysync.integrations.WaitingReservation;

/**
 * Syncs an integration whose channel delivers messages until they are acknowledged
 * (Booking.com's API): one pull feeds every mapped listing, each message is applied in a
 * transaction of its own, and only the messages whose transaction committed are
 * acknowledged, in one go at the end. A message for a listing nobody mapped, an
 * unreadable one and one whose transaction failed stay on the channel's queue and come
 * back with the next pull; applying a message again changes nothing, so a crash between a
 * commit and its acknowledgement costs one more delivery and no more. The messages held
 * back for want of a mapping are recorded on the integration, for its page to say what to
 * map.
 */
@Component
class MessageSync {

	private static final Logger log = LoggerFactory.getLogger(MessageSync.class);

	private static final int MAX_REQUEST_IDS = 1000;

	private final BookingImport imports;

	private final TransactionTemplate transactions;

	private final ChannelAccounts accounts;

	MessageSync(BookingImport imports, TransactionTemplate transactions, ChannelAccounts accounts) {
		this.imports = imports;
		this.transactions = transactions;
		this.accounts = accounts;
	}

	List<ListingOutcome> sync(ChannelConnector connector, ChannelCredentials credentials) {
		Tallies tallies = new Tallies(credentials.listings());
		MessagePull pull;
		try {
			pull = connector.pullMessages(credentials);
		}
		catch (RuntimeException connectorBug) {
			log.error("Connector failed pulling messages of integration {}", credentials.integrationId(), connectorBug);
			pull = MessagePull.failed("The pull failed unexpectedly; see the server log.", List.of());
		}
		List<String> requestIds = new ArrayList<>(pull.requestIds());
		if (pull.failed()) {
			return tallies.failedAll(pull.problem(), requestIds);
		}
		Map<String, Set<String>> waiting = new LinkedHashMap<>();
		List<ListingOutcome> unlisted = new ArrayList<>();
		List<ChannelMessage> committed = new ArrayList<>();
		for (ChannelMessage message : distinct(pull.messages())) {
			if (!message.unmappedListings().isEmpty()) {
				message.unmappedListings()
					.forEach(listing -> waiting.computeIfAbsent(listing, key -> new LinkedHashSet<>())
						.add(message.reference()));
			}
			else if (message.problem() != null) {
				unlisted.add(ListingOutcome.failed(reservation(message), null, message.problem()));
			}
			else if (apply(credentials.integrationId(), message, tallies, unlisted)) {
				committed.add(message);
			}
		}
		if (pull.problem() != null) {
			tallies.failEach(pull.problem());
		}
		if (!committed.isEmpty()) {
			Acknowledgement acknowledgement = acknowledge(connector, credentials, committed);
			requestIds.addAll(acknowledgement.requestIds());
			if (acknowledgement.problem() != null) {
				noteUnacknowledged(committed, acknowledgement, tallies);
			}
		}
		List<ListingOutcome> outcomes = new ArrayList<>(tallies.outcomes());
		waiting.forEach((listing, references) -> outcomes
			.add(ListingOutcome.failed(listing, null, waitingFor(credentials, listing, references))));
		outcomes.addAll(unlisted);
		String ids = requestIds(requestIds);
		// Only now: a reservation applied in this run is no longer waiting.
		accounts.recordWaiting(credentials.integrationId(), waiting(pull.messages()), pull.problem() == null);
		return outcomes.stream().map(outcome -> outcome.withRequestIds(ids)).toList();
	}

	/**
	 * What the pull holds back for want of a mapping: a line per listing and reservation,
	 * over the nights of its rooms there, as its latest message states it.
	 */
	private static List<WaitingReservation> waiting(List<ChannelMessage> messages) {
		Map<List<String>, WaitingReservation> waiting = new LinkedHashMap<>();
		for (ChannelMessage message : messages) {
			if (message.reference() == null) {
				// Nothing a manager could look up; the run's outcome names its listings.
				continue;
			}
			Map<List<String>, WaitingReservation> ofMessage = new LinkedHashMap<>();
			for (UnmappedStay stay : message.unmappedStays()) {
				ofMessage.merge(List.of(stay.externalListingId(), message.reference()),
						new WaitingReservation(stay.externalListingId(), message.reference(), stay.checkIn(),
								stay.checkOut()),
						(one, other) -> new WaitingReservation(one.externalListingId(), one.reference(),
								earliest(one.checkIn(), other.checkIn()), latest(one.checkOut(), other.checkOut())));
			}
			waiting.putAll(ofMessage);
		}
		return List.copyOf(waiting.values());
	}

	private static LocalDate earliest(LocalDate one, LocalDate other) {
		return one == null ? other : other == null || one.isBefore(other) ? one : other;
	}

	private static LocalDate latest(LocalDate one, LocalDate other) {
		return one == null ? other : other == null || one.isAfter(other) ? one : other;
	}

	/**
	 * Applies one message in its own transaction: each booking it lists, then the
	 * cancellation of the bookings of its reservation it no longer lists.
	 * @return whether it committed
	 */
	private boolean apply(UUID integration, ChannelMessage message, Tallies tallies, List<ListingOutcome> unlisted) {
		List<Counted> counted;
		try {
			counted = transactions.execute(status -> {
				List<Counted> applied = new ArrayList<>();
				Set<String> keep = new HashSet<>();
				for (ChannelBooking booking : message.bookings()) {
					applied.add(new Counted(booking.externalListingId(), imports.apply(booking)));
					keep.add(booking.externalId());
				}
				if (message.reservationKey() != null && !message.reservationKey().isBlank()) {
					for (Cancellation cancelled : imports.cancelOthers(integration, message.reservationKey(), keep)) {
						applied.add(new Counted(cancelled.externalListingId(), cancelled.outcome()));
					}
				}
				return applied;
			});
		}
		catch (RuntimeException failed) {
			log.warn("Applying message {} of integration {} failed and was rolled back", message.messageId(),
					integration, failed);
			String why = failed instanceof DomainException refused ? refused.getMessage()
					: ListingSync.lostConnection(failed) ? "the connection to the database was lost while storing it"
							: failed.getClass().getSimpleName();
			String problem = "Reservation " + message.reference() + " could not be stored and nothing of it was"
					+ " changed (" + why + "); it stays unacknowledged, so the next sync tries again.";
			Set<String> listings = new LinkedHashSet<>();
			message.bookings().forEach(booking -> listings.add(booking.externalListingId()));
			if (listings.isEmpty()) {
				unlisted.add(ListingOutcome.failed(reservation(message), null, problem));
			}
			listings.forEach(listing -> tallies.of(listing).failed(problem));
			return false;
		}
		for (Counted one : counted) {
			tallies.of(one.listing()).add(null, one.outcome());
		}
		return true;
	}

	private Acknowledgement acknowledge(ChannelConnector connector, ChannelCredentials credentials,
			List<ChannelMessage> committed) {
		try {
			return connector.acknowledge(credentials, committed);
		}
		catch (RuntimeException connectorBug) {
			log.error("Connector failed acknowledging messages of integration {}", credentials.integrationId(),
					connectorBug);
			return new Acknowledgement(List.of(), "The acknowledgement failed unexpectedly; see the server log.",
					List.of());
		}
	}

	/**
	 * Stored but not taken off the channel's queue: worth a note, not an error, as the
	 * next delivery changes nothing.
	 */
	private static void noteUnacknowledged(List<ChannelMessage> committed, Acknowledgement acknowledgement,
			Tallies tallies) {
		for (ChannelMessage message : committed) {
			if (acknowledgement.acknowledged().contains(message.messageId())) {
				continue;
			}
			String note = "reservation " + message.reference() + " is stored but was not acknowledged ("
					+ acknowledgement.problem() + "); it comes again and changes nothing";
			message.bookings().forEach(booking -> tallies.of(booking.externalListingId()).note(note));
		}
	}

	/** A message delivered twice in one pull is applied once. */
	private static List<ChannelMessage> distinct(List<ChannelMessage> messages) {
		Map<String, ChannelMessage> byId = new LinkedHashMap<>();
		messages.forEach(message -> byId.put(message.messageId(), message));
		return List.copyOf(byId.values());
	}

	private static String waitingFor(ChannelCredentials credentials, String listing, Set<String> references) {
		return (references.size() == 1 ? "Reservation " : "Reservations ") + String.join(", ", references)
				+ (references.size() == 1 ? " includes" : " include") + " a room of " + credentials.type().path()
				+ " listing " + listing + ", which is not mapped to a property. "
				+ (references.size() == 1 ? "It is" : "They are")
				+ " kept, neither applied nor acknowledged: map the listing to a property and the next sync applies "
				+ (references.size() == 1 ? "it." : "them.");
	}

	private static String reservation(ChannelMessage message) {
		return "reservation " + message.reference();
	}

	private static String requestIds(List<String> ids) {
		String joined = String.join(" ", new LinkedHashSet<>(ids));
		if (joined.isEmpty()) {
			return null;
		}
		return joined.length() <= MAX_REQUEST_IDS ? joined : joined.substring(0, MAX_REQUEST_IDS - 1) + "…";
	}

	/** What one booking of a message did, on its listing. */
	private record Counted(String listing, ImportOutcome outcome) {
	}

	/**
	 * A tally per mapped listing, in mapping order, and one for any other listing a
	 * cancellation touched (a booking on a listing unmapped since).
	 */
	private static final class Tallies {

		private final Map<String, ChannelListing> listings = new LinkedHashMap<>();

		private final Map<String, Tally> tallies = new LinkedHashMap<>();

		Tallies(List<ChannelListing> mapped) {
			mapped.forEach(listing -> {
				listings.put(listing.externalListingId(), listing);
				tallies.put(listing.externalListingId(), new Tally());
			});
		}

		Tally of(String listing) {
			listings.computeIfAbsent(listing, id -> new ChannelListing(id, null, null));
			return tallies.computeIfAbsent(listing, id -> new Tally());
		}

		void failEach(String problem) {
			tallies.values().forEach(tally -> tally.failed(problem));
		}

		List<ListingOutcome> failedAll(String problem, List<String> requestIds) {
			String ids = requestIds(requestIds);
			return listings.values()
				.stream()
				.map(listing -> ListingOutcome.failed(listing.externalListingId(), listing.propertyId(), problem)
					.withRequestIds(ids))
				.toList();
		}

		List<ListingOutcome> outcomes() {
			return tallies.entrySet()
				.stream()
				.map(entry -> entry.getValue().outcome(listings.get(entry.getKey())))
				.toList();
		}

	}

}

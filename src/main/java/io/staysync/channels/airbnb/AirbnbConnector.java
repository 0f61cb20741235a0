package io.staysync.channels.airbnb;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.staysync.bookings.BookingKind;
import io.staysync.bookings.BookingSource;
import io.staysync.bookings.ChannelBooking;
import io.staysync.bookings.KeyScope;
import io.staysync.channels.AccountListing;
import io.staysync.channels.AccountListings;
import io.staysync.channels.AvailabilityPush;
import io.staysync.channels.AvailabilityWindow;
import io.staysync.channels.ChannelConnector;
import io.staysync.channels.ChannelCredentials;
import io.staysync.channels.ChannelListing;
import io.staysync.channels.ChannelMode;
import io.staysync.channels.ChannelType;
import io.staysync.channels.ConnectionCheck;
import io.staysync.channels.ListingChanges;
import io.staysync.channels.ReservationLookup;
import io.staysync.channels.SyncCursor;

/**
 * Airbnb in API mode. A sync reconciles each mapped listing with every reservation Airbnb
 * lists for it (paged to the end), each with its own explicit status, so a cancellation
 * arrives as a cancelled reservation and the absence of one proves nothing: the answer is
 * never "complete" and never cancels by absence. Notifications name one reservation,
 * which is re-read here by confirmation code before anything is trusted. Availability
 * goes out with {@code calendar_operations}, one request per listing. No method throws
 * for a failing peer.
 */
@Component
class AirbnbConnector implements ChannelConnector {

	private static final Logger log = LoggerFactory.getLogger(AirbnbConnector.class);

	private final AirbnbClient client;

	private final Clock clock;

	private final JsonMapper json = JsonMapper.builder().build();

	AirbnbConnector(AirbnbClient client, Clock clock) {
		this.client = client;
		this.clock = clock;
	}

	@Override
	public boolean supports(ChannelType type, ChannelMode mode) {
		return type == ChannelType.AIRBNB && mode == ChannelMode.API;
	}

	/** {@code users/me} with the stored tokens: which account is connected. */
	@Override
	public ConnectionCheck testConnection(ChannelCredentials credentials) {
		List<String> details = new ArrayList<>();
		try {
			JsonNode me = client.me(credentials);
			String id = AirbnbReservation.id(me.get("id"));
			JsonNode first = me.get("first_name");
			String who = (first != null && first.isString() ? first.asString() + " " : "") + "(Airbnb user "
					+ (id == null ? "unknown" : id) + ")";
			details.add("Account: Airbnb answered for " + who + ".");
			details.add(credentials.listings().isEmpty()
					? "No listing is mapped yet: list the account's listings and map each to a property."
					: "Mapped listings: "
							+ String.join(", ",
									credentials.listings().stream().map(ChannelListing::externalListingId).toList())
							+ ".");
			return ConnectionCheck.passed("Connected to Airbnb as " + who + ".", details);
		}
		catch (AirbnbException failed) {
			return ConnectionCheck.failed(failed.getMessage(), details);
		}
		catch (RuntimeException bug) {
			log.error("The Airbnb connection check failed unexpectedly", bug);
			return ConnectionCheck.failed("The connection check failed unexpectedly; see the server log.", details);
		}
	}

	/**
	 * Every reservation of the listing, with its status. A reservation that cannot be
	 * read is named in the outcome and left as it was; the others are applied.
	 */
	@Override
	public ListingChanges fetchChanges(ChannelCredentials credentials, ChannelListing listing, SyncCursor cursor) {
		List<JsonNode> listed;
		try {
			listed = client.reservations(credentials, listing.externalListingId());
		}
		catch (AirbnbException failed) {
			return ListingChanges.failed(failed.getMessage(), cursor);
		}
		catch (RuntimeException bug) {
			log.error("Reading Airbnb listing {} failed unexpectedly", listing.externalListingId(), bug);
			return ListingChanges.failed("Reading the listing failed unexpectedly; see the server log.", cursor);
		}
		List<ChannelBooking> bookings = new ArrayList<>();
		Set<String> present = new LinkedHashSet<>();
		List<String> unusable = new ArrayList<>();
		for (JsonNode item : listed) {
			AirbnbReservation reservation = AirbnbReservation.read(item);
			if (reservation.problem() != null) {
				unusable.add(reservation.problem());
				continue;
			}
			if (reservation.listingId() != null && !reservation.listingId().equals(listing.externalListingId())) {
				unusable.add("Reservation " + reservation.confirmationCode() + " was listed for listing "
						+ listing.externalListingId() + " but is on listing " + reservation.listingId()
						+ "; it was left as it was.");
				continue;
			}
			if (present.add(reservation.confirmationCode())) {
				bookings.add(booking(credentials, listing, reservation));
			}
		}
		return new ListingChanges(ListingChanges.Outcome.FETCHED, bookings, present, false, null, null,
				SyncCursor.none(), null, unusable);
	}

	/** One reservation by confirmation code, for a notification that named it. */
	@Override
	public ReservationLookup fetchReservation(ChannelCredentials credentials, String reference) {
		if (reference == null || !reference.matches("[A-Za-z0-9]{1,40}")) {
			return ReservationLookup.unknownReservation();
		}
		try {
			Optional<JsonNode> found = client.reservation(credentials, reference);
			if (found.isEmpty()) {
				return ReservationLookup.unknownReservation();
			}
			AirbnbReservation reservation = AirbnbReservation.read(found.get());
			if (reservation.problem() != null) {
				return ReservationLookup.failed(reservation.problem());
			}
			if (!reference.equals(reservation.confirmationCode())) {
				return ReservationLookup.failed("Airbnb answered the request for reservation " + reference
						+ " with reservation " + reservation.confirmationCode() + "; nothing was changed.");
			}
			Optional<ChannelListing> listing = credentials.listings()
				.stream()
				.filter(mapped -> mapped.externalListingId().equals(reservation.listingId()))
				.findFirst();
			if (listing.isEmpty()) {
				return ReservationLookup.unmapped(reservation.listingId());
			}
			return ReservationLookup.found(booking(credentials, listing.get(), reservation));
		}
		catch (AirbnbException failed) {
			return ReservationLookup.failed(failed.getMessage());
		}
		catch (RuntimeException bug) {
			log.error("Re-reading Airbnb reservation {} failed unexpectedly", reference, bug);
			return ReservationLookup.failed("Reading the reservation failed unexpectedly; see the server log.");
		}
	}

	@Override
	public boolean listsAccountListings() {
		return true;
	}

	@Override
	public AccountListings listAccountListings(ChannelCredentials credentials) {
		try {
			List<AccountListing> listings = new ArrayList<>();
			for (JsonNode listing : client.listings(credentials)) {
				String id = AirbnbReservation.id(listing.get("id"));
				if (id == null) {
					continue;
				}
				JsonNode name = listing.get("name");
				listings.add(new AccountListing(id, name != null && name.isString() && !name.asString().isBlank()
						? name.asString().strip() : "Listing " + id));
			}
			return new AccountListings(listings, null);
		}
		catch (AirbnbException failed) {
			return AccountListings.failed(failed.getMessage());
		}
		catch (RuntimeException bug) {
			log.error("Listing the Airbnb account's listings failed unexpectedly", bug);
			return AccountListings.failed("Listing the account's listings failed unexpectedly; see the server log.");
		}
	}

	/**
	 * The window's nights from today (in the property's time zone) on, in one
	 * {@code calendar_operations} request: open runs as {@code available}, closed runs as
	 * {@code unavailable}. The whole window each time, so a repeated push is harmless.
	 */
	@Override
	public AvailabilityPush pushAvailability(ChannelCredentials credentials, ChannelListing listing,
			AvailabilityWindow window) {
		long listingId;
		try {
			listingId = Long.parseLong(listing.externalListingId().strip());
		}
		catch (NumberFormatException notAnId) {
			return AvailabilityPush.failed("Listing " + listing.externalListingId()
					+ " is not an Airbnb listing id (a number, as in the listing's address on Airbnb).");
		}
		Map<String, Object> body = CalendarOperations.of(listingId, window,
				LocalDate.now(clock.withZone(listing.timeZone())));
		if (body == null) {
			return AvailabilityPush.pushed();
		}
		try {
			client.calendarOperations(credentials, json.writeValueAsBytes(body));
			return AvailabilityPush.pushed();
		}
		catch (AirbnbException failed) {
			return AvailabilityPush.failed(
					"Airbnb did not take the availability of listing " + listingId + ": " + failed.getMessage(),
					failed.retryAfter());
		}
		catch (RuntimeException bug) {
			log.error("Pushing availability to Airbnb listing {} failed unexpectedly", listingId, bug);
			return AvailabilityPush.failed("The push failed unexpectedly; see the server log.");
		}
	}

	private static ChannelBooking booking(ChannelCredentials credentials, ChannelListing listing,
			AirbnbReservation reservation) {
		// A confirmation code is unique across Airbnb, and a reservation the host moves
		// to
		// another listing keeps it: keyed channel-wide, so the move updates the booking.
		return new ChannelBooking(credentials.integrationId(), BookingSource.AIRBNB, reservation.confirmationCode(),
				listing.externalListingId(), listing.propertyId(), BookingKind.RESERVATION, reservation.status(),
				reservation.checkIn(), reservation.checkOut(), reservation.guestName(), reservation.adults(),
				reservation.children(), reservation.total(), reservation.currency(), null, null,
				reservation.guestEmail(), reservation.guestPhone(), KeyScope.CHANNEL);
	}

}

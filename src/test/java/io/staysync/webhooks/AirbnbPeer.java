package io.staysync.webhooks;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

import io.staysync.bookings.BookingKind;
import io.staysync.bookings.BookingSource;
import io.staysync.bookings.BookingStatus;
import io.staysync.bookings.ChannelBooking;
import io.staysync.channels.ChannelConnector;
import io.staysync.channels.ChannelCredentials;
import io.staysync.channels.ChannelListing;
import io.staysync.channels.ChannelMode;
import io.staysync.channels.ChannelType;
import io.staysync.channels.ConnectionCheck;
import io.staysync.channels.ListingChanges;
import io.staysync.channels.OAuthTokenStore;
import io.staysync.channels.ReservationLookup;
import io.staysync.channels.SyncCursor;

/**
 * Airbnb's API as a test double for notification tests: the reservations it knows, by
 * confirmation code, read one at a time ({@link #fetchReservation}) or per listing (the
 * reconciliation); whether it still honours the authorization (when it does not, it
 * reports that to the token store, as the real connector does on a refused refresh); and
 * a failure to answer on demand. Keeps every code it was asked for. Ordered first, so it
 * stands in for the real Airbnb connector.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
class AirbnbPeer implements ChannelConnector {

	final Map<String, Reservation> reservations = new ConcurrentHashMap<>();

	final List<String> lookups = new CopyOnWriteArrayList<>();

	volatile boolean revoked;

	volatile String failing;

	private final OAuthTokenStore tokens;

	AirbnbPeer(OAuthTokenStore tokens) {
		this.tokens = tokens;
	}

	@Override
	public boolean supports(ChannelType type, ChannelMode mode) {
		return type == ChannelType.AIRBNB && mode == ChannelMode.API;
	}

	@Override
	public ConnectionCheck testConnection(ChannelCredentials credentials) {
		if (revoked) {
			tokens.revoked(credentials.integrationId(),
					"Airbnb refused the refresh token: the authorization was revoked. Reconnect Airbnb.");
			return ConnectionCheck.failed("Airbnb answered 401: the authorization was revoked.", List.of());
		}
		return ConnectionCheck.passed("Airbnb answered users/me.", List.of());
	}

	@Override
	public ReservationLookup fetchReservation(ChannelCredentials credentials, String reference) {
		lookups.add(reference);
		if (reference.equals(failing)) {
			return ReservationLookup.failed("Airbnb answered 503 three times");
		}
		Reservation reservation = reservations.get(reference);
		if (reservation == null) {
			return ReservationLookup.unknownReservation();
		}
		return credentials.listings()
			.stream()
			.filter(listing -> listing.externalListingId().equals(reservation.listing()))
			.findFirst()
			.map(listing -> ReservationLookup.found(booking(credentials, listing, reference, reservation)))
			.orElseGet(() -> ReservationLookup.unmapped(reservation.listing()));
	}

	@Override
	public ListingChanges fetchChanges(ChannelCredentials credentials, ChannelListing listing, SyncCursor cursor) {
		List<ChannelBooking> bookings = reservations.entrySet()
			.stream()
			.filter(entry -> entry.getValue().listing().equals(listing.externalListingId()))
			.map(entry -> booking(credentials, listing, entry.getKey(), entry.getValue()))
			.toList();
		Set<String> present = bookings.stream().map(ChannelBooking::externalId).collect(Collectors.toSet());
		return new ListingChanges(ListingChanges.Outcome.FETCHED, bookings, present, false, null, null, cursor, null);
	}

	private static ChannelBooking booking(ChannelCredentials credentials, ChannelListing listing, String code,
			Reservation reservation) {
		return new ChannelBooking(credentials.integrationId(), BookingSource.AIRBNB, code, listing.externalListingId(),
				listing.propertyId(), BookingKind.RESERVATION, reservation.status(), reservation.checkIn(),
				reservation.checkIn().plusDays(reservation.nights()), "Nick Yu", 2, 0, new BigDecimal("1102.00"), "USD",
				null);
	}

	void reset() {
		reservations.clear();
		lookups.clear();
		revoked = false;
		failing = null;
	}

	record Reservation(String listing, BookingStatus status, LocalDate checkIn, int nights) {
	}

}

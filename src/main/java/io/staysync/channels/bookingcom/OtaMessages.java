package io.staysync.channels.bookingcom;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.staysync.bookings.BookingKind;
import io.staysync.bookings.BookingSource;
import io.staysync.bookings.BookingStatus;
import io.staysync.bookings.ChannelBooking;
import io.staysync.bookings.KeyScope;
import io.staysync.channels.ChannelCredentials;
import io.staysync.channels.ChannelListing;
import io.staysync.channels.ChannelMessage;
import io.staysync.channels.UnmappedStay;

/**
 * Turns pulled OTA reservations into channel messages: one booking per room stay, keyed
 * {@code RESID-INDEX}, on the property its {@code HOTELCODE-ROOMTYPECODE} listing is
 * mapped to, with the booker's e-mail address (Booking.com's alias) and phone as the
 * guest's contact details (the bookings module drops what it cannot store). Every message
 * is a full overlay of its reservation (a room it no longer lists is cancelled); a
 * modification without rooms cancels the whole reservation.
 */
final class OtaMessages {

	private final ChannelCredentials credentials;

	private final Map<String, ChannelListing> listings;

	OtaMessages(ChannelCredentials credentials) {
		this.credentials = credentials;
		this.listings = credentials.listings()
			.stream()
			.collect(Collectors.toMap(ChannelListing::externalListingId, Function.identity(), (a, b) -> a));
	}

	List<ChannelMessage> of(OtaQueue queue, List<OtaReservation> reservations) {
		return reservations.stream().map(reservation -> of(queue, reservation)).toList();
	}

	ChannelMessage of(OtaQueue queue, OtaReservation reservation) {
		String id = queue.messageId(reservation.resId());
		String key = reservation.resId() + "-";
		if (reservation.problem() != null) {
			return new ChannelMessage(
					id, List.of(), key, List.of(), "Reservation " + reservation.resId() + " cannot be read: "
							+ reservation.problem() + ". It is left for Booking.com to send again.",
					reservation.resId());
		}
		if (reservation.roomStays().isEmpty()) {
			if (queue == OtaQueue.NEW) {
				return new ChannelMessage(id, List.of(), key, List.of(), "New reservation " + reservation.resId()
						+ " lists no room; it is left unacknowledged, so Booking.com sends it again or emails the property.",
						reservation.resId());
			}
			// A cancellation: the overlay with no room cancels every room.
			return new ChannelMessage(id, List.of(), key, List.of(), null, reservation.resId());
		}
		List<ChannelBooking> bookings = new ArrayList<>();
		List<UnmappedStay> unmapped = new ArrayList<>();
		for (OtaRoomStay room : reservation.roomStays()) {
			ChannelListing listing = listings.get(room.listingId());
			if (listing == null) {
				unmapped.add(new UnmappedStay(room.listingId(), room.checkIn(), room.checkOut()));
				continue;
			}
			// ResID_Value is unique across Booking.com and a room change keeps it: keyed
			// channel-wide, so the change updates the booking instead of adding one.
			bookings.add(new ChannelBooking(credentials.integrationId(), BookingSource.BOOKING_COM, key + room.index(),
					listing.externalListingId(), listing.propertyId(), BookingKind.RESERVATION, BookingStatus.CONFIRMED,
					room.checkIn(), room.checkOut(), room.guestName(), room.adults(), room.children(), room.total(),
					room.currency(), null, reservation.resId(), reservation.email(), reservation.phone(),
					KeyScope.CHANNEL));
		}
		return new ChannelMessage(id, unmapped.isEmpty() ? bookings : List.of(), key, unmapped, null,
				reservation.resId());
	}

}

package io.staysync.channels;

import java.util.Optional;

import io.staysync.bookings.ChannelBooking;

/**
 * What re-reading one reservation from a channel's API found, for a notification that
 * named it: the booking as the channel states it now, a listing no property is mapped to,
 * a reservation the channel does not know (a forged or stale notification: nothing
 * changes), or a failure.
 *
 * @param booking the reservation, mapped to its property
 * @param unmappedListing the channel listing it is on when no property is mapped to it
 * @param problem why it could not be read, in words a manager understands
 */
public record ReservationLookup(Optional<ChannelBooking> booking, String unmappedListing, boolean unknown,
		String problem) {

	public static ReservationLookup found(ChannelBooking booking) {
		return new ReservationLookup(Optional.of(booking), null, false, null);
	}

	public static ReservationLookup unmapped(String externalListingId) {
		return new ReservationLookup(Optional.empty(), externalListingId, false, null);
	}

	public static ReservationLookup unknownReservation() {
		return new ReservationLookup(Optional.empty(), null, true, null);
	}

	public static ReservationLookup failed(String problem) {
		return new ReservationLookup(Optional.empty(), null, false, problem);
	}

}

package io.staysync.bookings;

import java.util.Optional;
import java.util.UUID;

/**
 * A booking's status and version as stored now, within the caller's transaction: what an
 * announcement of a change adds to the event (outbound webhooks carry the version, so a
 * receiver can drop an announcement older than one it already has).
 */
public interface BookingStates {

	Optional<BookingState> find(UUID bookingId);

	/**
	 * @param version grows by one with every stored change of the booking
	 */
	record BookingState(UUID bookingId, BookingStatus status, long version) {
	}

}

package io.staysync.bookings;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * A booking that holds nights as an export feed shows it: nights held, and nothing about
 * the guest, nor whether the booking is tentative (a channel reading the feed only needs
 * to know the nights are taken, and some would skip an event marked tentative).
 */
public record ExportedStay(UUID bookingId, BookingKind kind, BookingSource source, LocalDate checkIn,
		LocalDate checkOut) {

	private static final String UID_SUFFIX = "@staysync";

	/**
	 * The UID the stay has in an export feed: the booking's id, so that a feed of this
	 * instance read back (a feed exported for one channel imported through another) is
	 * recognised as this instance's own bookings.
	 */
	public String uid() {
		return bookingId + UID_SUFFIX;
	}

	/**
	 * The booking id an export feed's UID names, if it has the shape {@link #uid()}
	 * gives; whether that booking is one of this instance's is for the caller to look up.
	 */
	public static Optional<UUID> bookingIdOf(String uid) {
		if (uid == null || !uid.endsWith(UID_SUFFIX) || uid.length() != 36 + UID_SUFFIX.length()) {
			return Optional.empty();
		}
		try {
			return Optional.of(UUID.fromString(uid.substring(0, 36)));
		}
		catch (IllegalArgumentException notAnId) {
			return Optional.empty();
		}
	}

}

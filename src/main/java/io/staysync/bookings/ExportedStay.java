package io.staysync.bookings;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A confirmed booking as an export feed shows it: nights held, and nothing about the
 * guest.
 */
public record ExportedStay(UUID bookingId, BookingKind kind, BookingSource source, LocalDate checkIn,
		LocalDate checkOut) {
}

package io.staysync.bookings;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A booking that holds nights as an export feed shows it: nights held, and nothing about
 * the guest, nor whether the booking is tentative (a channel reading the feed only needs
 * to know the nights are taken, and some would skip an event marked tentative).
 */
public record ExportedStay(UUID bookingId, BookingKind kind, BookingSource source, LocalDate checkIn,
		LocalDate checkOut) {
}

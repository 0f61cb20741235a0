package io.staysync.bookings;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The facts about a booking that every booking event carries, so that a consumer (the
 * availability push, outbound webhooks) needs no read-back. For updates, the previous
 * stay is included: nights it no longer covers must be reopened on other channels.
 */
public record BookingChange(UUID bookingId, UUID propertyId, BookingKind kind, BookingSource source, UUID integrationId,
		LocalDate checkIn, LocalDate checkOut) {
}

package io.staysync.bookings.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import io.staysync.bookings.BookingKind;

/** A reservation or block entered by a manager. */
public record ManualBooking(UUID propertyId, BookingKind kind, LocalDate checkIn, LocalDate checkOut, String guestName,
		Integer adults, Integer children, BigDecimal totalAmount, String currency, String notes) {
}

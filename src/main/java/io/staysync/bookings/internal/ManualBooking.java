package io.staysync.bookings.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import io.staysync.bookings.BookingKind;

/**
 * A reservation or block entered by a manager. A manual booking is always confirmed.
 *
 * @param guestEmail the guest's e-mail address, or {@code null}; trimmed, blank is none
 * @param guestPhone the guest's phone number, or {@code null}; trimmed, blank is none
 */
public record ManualBooking(UUID propertyId, BookingKind kind, LocalDate checkIn, LocalDate checkOut, String guestName,
		Integer adults, Integer children, BigDecimal totalAmount, String currency, String notes, String guestEmail,
		String guestPhone) {

	public ManualBooking {
		guestEmail = GuestContact.trimmed(guestEmail);
		guestPhone = GuestContact.trimmed(guestPhone);
	}

	/** A booking without the guest's contact details. */
	public ManualBooking(UUID propertyId, BookingKind kind, LocalDate checkIn, LocalDate checkOut, String guestName,
			Integer adults, Integer children, BigDecimal totalAmount, String currency, String notes) {
		this(propertyId, kind, checkIn, checkOut, guestName, adults, children, totalAmount, currency, notes, null,
				null);
	}

}

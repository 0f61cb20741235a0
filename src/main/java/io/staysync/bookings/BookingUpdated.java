package io.staysync.bookings;

import java.time.LocalDate;
import java.util.List;

/**
 * A booking changed; {@code changes} names the fields, the previous stay is given to
 * reopen nights.
 */
public record BookingUpdated(BookingChange booking, List<String> changes, LocalDate previousCheckIn,
		LocalDate previousCheckOut) {
}

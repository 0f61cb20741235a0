package io.staysync.bookings;

import java.time.LocalDate;
import java.util.List;

/**
 * A booking changed; {@code changes} names the fields (never their values: some are the
 * guest's contact details), the previous stay is given to reopen nights. A tentative
 * booking the channel confirms (or that becomes tentative again) is an update naming
 * {@code status}; one that is cancelled is a {@link BookingCancelled} instead.
 */
public record BookingUpdated(BookingChange booking, List<String> changes, LocalDate previousCheckIn,
		LocalDate previousCheckOut) {
}

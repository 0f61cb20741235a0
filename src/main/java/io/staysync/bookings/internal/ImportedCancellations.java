package io.staysync.bookings.internal;

import java.util.List;

import org.springframework.stereotype.Component;

import io.staysync.bookings.BookingStatus;
import io.staysync.bookings.ImportOutcome;
import io.staysync.bookings.ImportOutcome.Result;
import io.staysync.bookings.internal.BookingWrites.Written;

/**
 * Cancels an imported booking the channel no longer reports, as an import outcome: its
 * calendar is locked and the booking read again under a row lock first, so that a
 * concurrent import of the same booking cannot be lost. Shared by a cancellation by key
 * and by the feed-miss rule, which knows the booking itself. Must be called inside a
 * transaction.
 */
@Component
class ImportedCancellations {

	private final BookingRepository bookings;

	private final BookingWrites writes;

	ImportedCancellations(BookingRepository bookings, BookingWrites writes) {
		this.bookings = bookings;
		this.writes = writes;
	}

	/**
	 * @param unlocked the booking as read without a lock, or {@code null} when there is
	 * none ({@code UNCHANGED})
	 */
	ImportOutcome cancel(Booking unlocked) {
		if (unlocked == null || unlocked.status() == BookingStatus.CANCELLED) {
			return new ImportOutcome(unlocked == null ? null : unlocked.id(), Result.UNCHANGED, List.of(), 0);
		}
		Written cancelled = writes.cancel(unlocked, () -> bookings.findLockedById(unlocked.id()).orElseThrow());
		if (!cancelled.changed()) {
			return new ImportOutcome(cancelled.booking().id(), Result.UNCHANGED, List.of(), 0);
		}
		return new ImportOutcome(cancelled.booking().id(), Result.CANCELLED, List.of("status"), 0);
	}

}

package io.staysync.bookings.internal;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.staysync.bookings.BookingStates;

/** {@link BookingStates} from the bookings table, through the repository. */
@Component
class StoredBookingStates implements BookingStates {

	private final BookingRepository bookings;

	StoredBookingStates(BookingRepository bookings) {
		this.bookings = bookings;
	}

	@Override
	public Optional<BookingState> find(UUID bookingId) {
		return bookings.findById(bookingId)
			.map(booking -> new BookingState(booking.id(), booking.status(),
					booking.version() == null ? 0 : booking.version()));
	}

}

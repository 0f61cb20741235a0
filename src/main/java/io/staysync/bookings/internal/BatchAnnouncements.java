package io.staysync.bookings.internal;

import java.util.ArrayList;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;

import io.staysync.bookings.BookingCancelled;
import io.staysync.bookings.BookingCreated;
import io.staysync.bookings.BookingUpdated;
import io.staysync.bookings.BookingsChanged;

/**
 * The booking events of records applied together: each published as it happens, as
 * {@link BookingsChanged.Included}, and all of them in one {@link BookingsChanged} when
 * the batch ends, in the same transaction.
 */
final class BatchAnnouncements {

	private final ApplicationEventPublisher events;

	private final List<BookingCreated> created = new ArrayList<>();

	private final List<BookingUpdated> updated = new ArrayList<>();

	private final List<BookingCancelled> cancelled = new ArrayList<>();

	BatchAnnouncements(ApplicationEventPublisher events) {
		this.events = events;
	}

	/**
	 * Publishes a booking event, to be carried by the batch's {@code BookingsChanged}.
	 */
	void announce(Object bookingEvent) {
		if (bookingEvent instanceof BookingCreated one) {
			created.add(one);
		}
		else if (bookingEvent instanceof BookingUpdated one) {
			updated.add(one);
		}
		else if (bookingEvent instanceof BookingCancelled one) {
			cancelled.add(one);
		}
		else {
			throw new IllegalArgumentException("Not a booking event: " + bookingEvent.getClass());
		}
		events.publishEvent(new BookingsChanged.Included<>(this, bookingEvent));
	}

	/** Publishes the batch's changes, if there were any. */
	void end() {
		BookingsChanged changed = new BookingsChanged(created, updated, cancelled);
		if (!changed.isEmpty()) {
			events.publishEvent(changed);
		}
	}

}

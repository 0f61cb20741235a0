package io.staysync.bookings;

import java.util.List;

import org.springframework.context.PayloadApplicationEvent;
import org.springframework.core.ResolvableType;

/**
 * The booking changes of channel records applied together
 * ({@link BookingImport#applyAll}, a listing of a sync), announced once after them for
 * consumers that take changes in bulk: a listener of the event publication registry costs
 * a stored publication per event, so one per listing instead of one per booking. Each
 * change is still published on its own, as its {@link BookingCreated},
 * {@link BookingUpdated} or {@link BookingCancelled}, wrapped in an {@link Included}; a
 * consumer of this event skips those with {@link #NOT_INCLUDED} as its listener's
 * condition, and so sees every change once. Every other consumer receives the booking
 * events as usual.
 */
public record BookingsChanged(List<BookingCreated> created, List<BookingUpdated> updated,
		List<BookingCancelled> cancelled) {

	/**
	 * The condition of a listener of booking events that takes this event as well: it
	 * skips the booking events a {@code BookingsChanged} carries.
	 */
	public static final String NOT_INCLUDED = "!(#root.event instanceof T(io.staysync.bookings.BookingsChanged$Included))";

	public BookingsChanged {
		created = List.copyOf(created);
		updated = List.copyOf(updated);
		cancelled = List.copyOf(cancelled);
	}

	public boolean isEmpty() {
		return created.isEmpty() && updated.isEmpty() && cancelled.isEmpty();
	}

	/**
	 * A booking event published as it happens that a {@code BookingsChanged} published
	 * later in the same transaction carries too. Listeners of the booking event receive
	 * it as any other.
	 */
	public static final class Included<T> extends PayloadApplicationEvent<T> {

		public Included(Object source, T bookingEvent) {
			super(source, bookingEvent, ResolvableType.forInstance(bookingEvent));
		}

	}

}

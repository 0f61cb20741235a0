package io.staysync.bookings.internal;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import io.staysync.bookings.ConflictDetected;
import io.staysync.bookings.ConflictResolved;

/**
 * Keeps the stored conflicts of a booking in step with its current state: opens one for
 * each exclusive booking it now overlaps, resolves those it no longer does. Call it with
 * the property's calendar locked, after the booking is saved.
 */
@Component
class ConflictDetector {

	private final BookingRepository bookings;

	private final BookingConflictRepository conflicts;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ConflictDetector(BookingRepository bookings, BookingConflictRepository conflicts, ApplicationEventPublisher events,
			Clock clock) {
		this.bookings = bookings;
		this.conflicts = conflicts;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * @return how many conflicts were newly opened
	 */
	int refresh(Booking booking) {
		return refresh(booking, false);
	}

	/**
	 * {@link #refresh} for a booking just inserted under a new id: no conflict can
	 * involve it yet, so there is none to look up, resolve or reopen.
	 * @return how many conflicts were opened
	 */
	int refreshInserted(Booking booking) {
		return refresh(booking, true);
	}

	private int refresh(Booking booking, boolean inserted) {
		List<Booking> overlapping = booking.holdsNightsExclusively() ? overlapsOf(booking) : List.of();
		if (inserted) {
			overlapping.forEach(other -> opened(
					BookingConflict.between(booking.propertyId(), booking.id(), other.id(), clock.instant()), booking,
					other));
			return overlapping.size();
		}
		Set<UUID> clashing = new HashSet<>();
		overlapping.forEach(other -> clashing.add(other.id()));
		for (BookingConflict open : conflicts.findOpenInvolving(booking.id())) {
			if (!clashing.contains(open.otherThan(booking.id()))) {
				open.resolve(clock.instant());
				conflicts.save(open);
				events.publishEvent(new ConflictResolved(open.id(), open.propertyId()));
			}
		}
		int opened = 0;
		for (Booking other : overlapping) {
			if (open(booking, other)) {
				opened++;
			}
		}
		return opened;
	}

	/** The confirmed exclusive bookings that a booking clashes with. */
	private List<Booking> overlapsOf(Booking booking) {
		return bookings.findExclusiveOverlaps(booking.propertyId(), booking.checkIn(), booking.checkOut(),
				booking.id());
	}

	private boolean open(Booking booking, Booking other) {
		UUID[] pair = BookingConflict.pair(booking.id(), other.id());
		BookingConflict conflict = conflicts.findByBookingIdAndOtherBookingId(pair[0], pair[1]).orElse(null);
		if (conflict != null && conflict.isOpen()) {
			return false;
		}
		if (conflict == null) {
			conflict = BookingConflict.between(booking.propertyId(), booking.id(), other.id(), clock.instant());
		}
		else {
			conflict.reopen(clock.instant());
		}
		opened(conflict, booking, other);
		return true;
	}

	private void opened(BookingConflict conflict, Booking booking, Booking other) {
		BookingConflict saved = conflicts.save(conflict);
		events.publishEvent(new ConflictDetected(saved.id(), saved.propertyId(), booking.id(), other.id()));
	}

}

package io.staysync.bookings.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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

	/**
	 * {@link #refreshInserted} for bookings just inserted together, to be called for each
	 * of them in the order they were applied: each property's bookings that can clash
	 * with them are read once, instead of one overlap query per booking. A booking
	 * clashes with what was stored before and with those of the list before it, as it
	 * would had each been inserted and refreshed in turn.
	 */
	InsertedTogether insertedTogether(List<Booking> inserted) {
		return new InsertedTogether(inserted);
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

	/** See {@link #insertedTogether}. */
	final class InsertedTogether {

		/**
		 * Ascending by stay, then id, as {@link BookingRepository#findExclusiveOverlaps}.
		 */
		private static final Comparator<Booking> STORED_ORDER = Comparator.comparing(Booking::checkIn)
			.thenComparing(booking -> booking.id().toString());

		private final Map<UUID, List<Booking>> inserted = new HashMap<>();

		private final Set<UUID> ids = new HashSet<>();

		/** Per property, what holds nights exclusively: stored, then refreshed here. */
		private final Map<UUID, List<Booking>> holding = new HashMap<>();

		private InsertedTogether(List<Booking> bookings) {
			for (Booking booking : bookings) {
				inserted.computeIfAbsent(booking.propertyId(), property -> new ArrayList<>()).add(booking);
				ids.add(booking.id());
			}
		}

		/**
		 * Opens a conflict with each booking the inserted one clashes with.
		 * @return how many conflicts were opened
		 */
		int refresh(Booking booking) {
			if (!booking.holdsNightsExclusively()) {
				return 0;
			}
			List<Booking> known = holding.computeIfAbsent(booking.propertyId(), this::stored);
			List<Booking> overlapping = known.stream()
				.filter(other -> other.overlaps(booking.checkIn(), booking.checkOut()))
				.sorted(STORED_ORDER)
				.toList();
			overlapping.forEach(other -> opened(
					BookingConflict.between(booking.propertyId(), booking.id(), other.id(), clock.instant()), booking,
					other));
			known.add(booking);
			return overlapping.size();
		}

		/** What was stored before, over the stays of the property's inserted bookings. */
		private List<Booking> stored(UUID property) {
			List<Booking> mine = inserted.getOrDefault(property, List.of());
			if (mine.isEmpty()) {
				return new ArrayList<>();
			}
			LocalDate from = mine.stream().map(Booking::checkIn).min(Comparator.naturalOrder()).orElseThrow();
			LocalDate to = mine.stream().map(Booking::checkOut).max(Comparator.naturalOrder()).orElseThrow();
			List<Booking> stored = new ArrayList<>();
			for (Booking other : bookings.findExclusiveWithin(property, from, to)) {
				if (!ids.contains(other.id())) {
					stored.add(other);
				}
			}
			return stored;
		}

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

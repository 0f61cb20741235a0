package io.staysync.bookings.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import io.staysync.bookings.BookingCancelled;
import io.staysync.bookings.BookingCreated;
import io.staysync.bookings.BookingStatus;
import io.staysync.bookings.BookingUpdated;

/**
 * The one way a booking change reaches the calendar, whoever makes it (a manager, a
 * channel import, a sync cancelling what a feed no longer has): with the property's
 * calendar locked, the booking is stored, its conflicts are brought up to date, and the
 * change is published. Writers decide what changes; this class makes sure every change is
 * followed by the same steps in the same order. Must be called inside a transaction.
 */
@Component
class BookingWrites {

	private final BookingRepository bookings;

	private final BookingInserts inserts;

	private final CalendarLock calendars;

	private final ConflictDetector conflicts;

	private final ApplicationEventPublisher events;

	private final BookingSettings settings;

	private final Clock clock;

	BookingWrites(BookingRepository bookings, BookingInserts inserts, CalendarLock calendars,
			ConflictDetector conflicts, ApplicationEventPublisher events, BookingSettings settings, Clock clock) {
		this.bookings = bookings;
		this.inserts = inserts;
		this.calendars = calendars;
		this.conflicts = conflicts;
		this.events = events;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Locks a property's calendar until the transaction ends; call it before reading what
	 * to change.
	 */
	void lock(UUID propertyId) {
		calendars.lock(propertyId);
	}

	/**
	 * The bookings in the way of a manual stay; meaningful with the calendar locked.
	 * Those are the ones it would be in conflict with (confirmed reservations and manual
	 * blocks) and, while tentative bookings hold their nights, tentative reservations: a
	 * guest's request the channel may still accept is not given away here. Forced past a
	 * tentative one, the stay is stored without a conflict; the conflict opens if the
	 * channel confirms the request.
	 */
	List<Booking> inTheWayOf(Booking booking) {
		return bookings.findHoldingOverlaps(booking.propertyId(), booking.checkIn(), booking.checkOut(), booking.id(),
				settings.holdingStatuses());
	}

	/** Stores a new booking, with its calendar locked by the caller. */
	Written create(Booking booking) {
		Booking saved = bookings.save(booking);
		return published(saved, new BookingCreated(saved.toChange()));
	}

	/**
	 * Stores a new channel booking unless another writer stored its channel key first.
	 * @return empty when the key exists already: the caller reads and updates that
	 * booking
	 */
	Optional<Written> createIfAbsent(Booking booking) {
		if (!inserts.insertIfAbsent(booking)) {
			return Optional.empty();
		}
		int opened = conflicts.refreshInserted(booking);
		events.publishEvent(new BookingCreated(booking.toChange()));
		return Optional.of(new Written(booking, true, opened));
	}

	/**
	 * {@link #createIfAbsent} for several new channel bookings at once: inserted in one
	 * JDBC batch, then each one's conflicts opened and its creation published, in order,
	 * as if they had been created one after another.
	 * @return for each booking, in order, what was written, or empty when its key exists
	 * already
	 */
	List<Optional<Written>> createAllIfAbsent(List<Booking> created, BatchAnnouncements announcements) {
		boolean[] inserted = inserts.insertAllIfAbsent(created);
		List<Booking> stored = new ArrayList<>(created.size());
		for (int i = 0; i < inserted.length; i++) {
			if (inserted[i]) {
				stored.add(created.get(i));
			}
		}
		ConflictDetector.InsertedTogether together = conflicts.insertedTogether(stored);
		List<Optional<Written>> written = new ArrayList<>(created.size());
		for (int i = 0; i < inserted.length; i++) {
			if (!inserted[i]) {
				written.add(Optional.empty());
				continue;
			}
			Booking booking = created.get(i);
			int opened = together.refresh(booking);
			announcements.announce(new BookingCreated(booking.toChange()));
			written.add(Optional.of(new Written(booking, true, opened)));
		}
		return written;
	}

	/**
	 * Stores a booking changed in place. A change of property locks the calendar it
	 * leaves too: the nights freed there may close a conflict. A change to
	 * {@code CANCELLED} is published as a cancellation, anything else (a tentative
	 * booking confirmed, new contact details) as an update.
	 */
	Written update(Booking booking, UUID previousProperty, List<String> changes, LocalDate previousCheckIn,
			LocalDate previousCheckOut) {
		return update(booking, previousProperty, changes, previousCheckIn, previousCheckOut, events::publishEvent);
	}

	/**
	 * {@link #update} for a booking of a batch, its event announced with the batch's.
	 */
	Written update(Booking booking, UUID previousProperty, List<String> changes, LocalDate previousCheckIn,
			LocalDate previousCheckOut, BatchAnnouncements announcements) {
		return update(booking, previousProperty, changes, previousCheckIn, previousCheckOut, announcements::announce);
	}

	private Written update(Booking booking, UUID previousProperty, List<String> changes, LocalDate previousCheckIn,
			LocalDate previousCheckOut, Consumer<Object> announce) {
		if (!previousProperty.equals(booking.propertyId())) {
			calendars.lock(previousProperty);
		}
		Booking saved = bookings.save(booking);
		if (changes.contains("status") && saved.status() == BookingStatus.CANCELLED) {
			return published(saved, new BookingCancelled(saved.toChange()), announce);
		}
		return published(saved, new BookingUpdated(saved.toChange(), changes, previousCheckIn, previousCheckOut),
				announce);
	}

	/**
	 * Cancels a booking found without a lock: its calendar is locked first, then
	 * {@code lockedRead} reads it again, so that the cancellation works on the state no
	 * other writer can change any more.
	 * @return the booking, with {@link Written#changed()} false when it was cancelled
	 * already
	 */
	Written cancel(Booking unlocked, Supplier<Booking> lockedRead) {
		calendars.lock(unlocked.propertyId());
		Booking booking = lockedRead.get();
		if (!booking.cancel(clock.instant())) {
			return new Written(booking, false, 0);
		}
		Booking saved = bookings.save(booking);
		return published(saved, new BookingCancelled(saved.toChange()));
	}

	private Written published(Booking stored, Object event) {
		return published(stored, event, events::publishEvent);
	}

	private Written published(Booking stored, Object event, Consumer<Object> announce) {
		int opened = conflicts.refresh(stored);
		announce.accept(event);
		return new Written(stored, true, opened);
	}

	/** Booking events announced together, for a batch of records applied together. */
	BatchAnnouncements batchAnnouncements() {
		return new BatchAnnouncements(events);
	}

	/**
	 * What a write did.
	 *
	 * @param changed whether anything was stored
	 * @param conflictsOpened how many conflicts the write opened
	 */
	record Written(Booking booking, boolean changed, int conflictsOpened) {
	}

}

package io.staysync.sync.internal;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import io.staysync.bookings.BookingCancelled;
import io.staysync.bookings.BookingChange;
import io.staysync.bookings.BookingCreated;
import io.staysync.bookings.BookingUpdated;
import io.staysync.bookings.BookingsChanged;
import io.staysync.channels.ChannelMode;
import io.staysync.integrations.ChannelAccount;
import io.staysync.integrations.ChannelAccounts;

/**
 * Turns every booking change into availability pushes: one per other active integration
 * in API mode with a listing mapped to the property. The integration a new booking came
 * from is left out (it sold the nights itself), and so are iCal integrations, whose
 * export feed is read live from the database. When nights may open again (a cancellation,
 * a stay moved) the integration the booking came from is pushed too: a push states every
 * night of its window from all bookings, so an earlier push for another booking may have
 * closed this booking's nights there, and only a push opens them again. Events arrive
 * through the event publication registry, so a change committed is never lost on its way
 * to the outbox.
 */
@Component
class AvailabilityOutbox {

	private final ChannelAccounts accounts;

	private final AvailabilityPushes pushes;

	AvailabilityOutbox(ChannelAccounts accounts, AvailabilityPushes pushes) {
		this.accounts = accounts;
		this.pushes = pushes;
	}

	@ApplicationModuleListener(condition = BookingsChanged.NOT_INCLUDED)
	void on(BookingCreated created) {
		enqueue(created, new HashMap<>());
	}

	/**
	 * The nights the booking left must reopen, the nights it took must close: both are
	 * pushed.
	 */
	@ApplicationModuleListener(condition = BookingsChanged.NOT_INCLUDED)
	void on(BookingUpdated updated) {
		enqueue(updated, new HashMap<>());
	}

	@ApplicationModuleListener(condition = BookingsChanged.NOT_INCLUDED)
	void on(BookingCancelled cancelled) {
		enqueue(cancelled, new HashMap<>());
	}

	/**
	 * The changes of a listing applied together: each as if it had come on its own (the
	 * booking events above skip these), with the integrations mapped to a property looked
	 * up once.
	 */
	@ApplicationModuleListener
	void on(BookingsChanged changed) {
		Map<UUID, List<UUID>> mapped = new HashMap<>();
		changed.created().forEach(created -> enqueue(created, mapped));
		changed.updated().forEach(updated -> enqueue(updated, mapped));
		changed.cancelled().forEach(cancelled -> enqueue(cancelled, mapped));
	}

	private void enqueue(BookingCreated created, Map<UUID, List<UUID>> mapped) {
		enqueue(created.booking(), created.booking().checkIn(), created.booking().checkOut(), mapped, false);
	}

	private void enqueue(BookingUpdated updated, Map<UUID, List<UUID>> mapped) {
		BookingChange booking = updated.booking();
		LocalDate from = earlier(booking.checkIn(), updated.previousCheckIn());
		LocalDate to = later(booking.checkOut(), updated.previousCheckOut());
		enqueue(booking, from, to, mapped, leavesNights(updated));
	}

	private void enqueue(BookingCancelled cancelled, Map<UUID, List<UUID>> mapped) {
		enqueue(cancelled.booking(), cancelled.booking().checkIn(), cancelled.booking().checkOut(), mapped, true);
	}

	/** Whether the update leaves nights the booking held (moved or shortened). */
	static boolean leavesNights(BookingUpdated updated) {
		BookingChange booking = updated.booking();
		return updated.previousCheckIn() != null && updated.previousCheckIn().isBefore(booking.checkIn())
				|| updated.previousCheckOut() != null && updated.previousCheckOut().isAfter(booking.checkOut());
	}

	/**
	 * @param mapped the integrations mapped to each property, as far as looked up already
	 * @param alsoTheSource whether the integration the booking came from is pushed too
	 */
	private void enqueue(BookingChange booking, LocalDate from, LocalDate to, Map<UUID, List<UUID>> mapped,
			boolean alsoTheSource) {
		if (!from.isBefore(to)) {
			return;
		}
		List<UUID> integrations = mapped.computeIfAbsent(booking.propertyId(),
				property -> List.copyOf(accounts.integrationsMappedTo(property)));
		for (UUID integration : integrations) {
			if (!alsoTheSource && integration.equals(booking.integrationId())) {
				continue;
			}
			accounts.find(integration)
				.filter(AvailabilityOutbox::pushesAvailability)
				.ifPresent(account -> pushes.enqueue(booking.propertyId(), account.id(), from, to));
		}
	}

	static boolean pushesAvailability(ChannelAccount account) {
		return account.active() && account.mode() == ChannelMode.API;
	}

	private static LocalDate earlier(LocalDate date, LocalDate other) {
		return other == null || date.isBefore(other) ? date : other;
	}

	private static LocalDate later(LocalDate date, LocalDate other) {
		return other == null || date.isAfter(other) ? date : other;
	}

}

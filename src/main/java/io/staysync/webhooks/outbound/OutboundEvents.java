package io.staysync.webhooks.outbound;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import io.staysync.bookings.BookingCancelled;
import io.staysync.bookings.BookingChange;
import io.staysync.bookings.BookingCreated;
import io.staysync.bookings.BookingStates;
import io.staysync.bookings.BookingUpdated;
import io.staysync.bookings.ConflictDetected;
import io.staysync.bookings.ConflictResolved;
import io.staysync.integrations.IntegrationStatusChanged;
import io.staysync.integrations.SyncFailed;

/**
 * Turns domain events into webhook messages and writes them to the delivery outbox before
 * the change's transaction commits: a change and its announcements are stored together or
 * not at all, and nothing is sent until both are. An event published outside a
 * transaction is written at once.
 */
@Component
class OutboundEvents {

	private final DeliveryOutbox outbox;

	private final BookingStates bookings;

	private final DeliveryPump pump;

	OutboundEvents(DeliveryOutbox outbox, BookingStates bookings, DeliveryPump pump) {
		this.outbox = outbox;
		this.bookings = bookings;
		this.pump = pump;
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(BookingCreated created) {
		enqueue(EventType.BOOKING_CREATED, () -> booking(created.booking()));
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(BookingUpdated updated) {
		enqueue(EventType.BOOKING_UPDATED, () -> {
			Map<String, Object> data = booking(updated.booking());
			data.put("changes", updated.changes());
			data.put("previousCheckIn", text(updated.previousCheckIn()));
			data.put("previousCheckOut", text(updated.previousCheckOut()));
			return data;
		});
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(BookingCancelled cancelled) {
		enqueue(EventType.BOOKING_CANCELLED, () -> booking(cancelled.booking()));
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(ConflictDetected detected) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("conflictId", detected.conflictId().toString());
		data.put("propertyId", detected.propertyId().toString());
		data.put("bookingId", detected.bookingId().toString());
		data.put("otherBookingId", detected.otherBookingId().toString());
		enqueue(EventType.CONFLICT_DETECTED, () -> data);
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(ConflictResolved resolved) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("conflictId", resolved.conflictId().toString());
		data.put("propertyId", resolved.propertyId().toString());
		enqueue(EventType.CONFLICT_RESOLVED, () -> data);
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(SyncFailed failed) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("integrationId", failed.integrationId().toString());
		data.put("channel", failed.type().path());
		data.put("failedAt", failed.at().toString());
		data.put("error", failed.error());
		enqueue(EventType.SYNC_FAILED, () -> data);
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(IntegrationStatusChanged changed) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("integrationId", changed.integrationId().toString());
		data.put("channel", changed.type().path());
		data.put("previousStatus", text(changed.previous()));
		data.put("status", text(changed.current()));
		data.put("message", changed.message());
		enqueue(EventType.INTEGRATION_STATUS_CHANGED, () -> data);
	}

	/**
	 * Writes the deliveries, and wakes this instance's sender once they are committed.
	 */
	private void enqueue(EventType type, java.util.function.Supplier<Map<String, Object>> data) {
		if (outbox.enqueue(type, data) == 0) {
			return;
		}
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					pump.wake();
				}
			});
		}
		else {
			pump.wake();
		}
	}

	/**
	 * The stay and the version stored by the change being announced (this runs in its
	 * transaction).
	 */
	private Map<String, Object> booking(BookingChange booking) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("bookingId", booking.bookingId().toString());
		data.put("propertyId", booking.propertyId().toString());
		data.put("kind", text(booking.kind()));
		data.put("source", text(booking.source()));
		data.put("integrationId", text(booking.integrationId()));
		data.put("checkIn", text(booking.checkIn()));
		data.put("checkOut", text(booking.checkOut()));
		bookings.find(booking.bookingId()).ifPresent(state -> {
			data.put("status", state.status().name());
			data.put("version", state.version());
		});
		return data;
	}

	private static String text(Object value) {
		return value == null ? null : value.toString();
	}

}

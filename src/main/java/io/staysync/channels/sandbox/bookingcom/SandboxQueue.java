package io.staysync.channels.sandbox.bookingcom;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One reservation queue of the sandbox (new, or modified and cancelled), across hotels:
 * each message is pending until a pull delivers it, delivered until it is acknowledged,
 * and delivered again by every pull until then. A message replaced after its delivery
 * (the reservation changed again) refuses the stale acknowledgement with 409.
 * Thread-safe.
 */
final class SandboxQueue {

	/** Where a message is. */
	enum State {

		PENDING, DELIVERED, ACKNOWLEDGED

	}

	private final Map<String, Message> messages = new LinkedHashMap<>();

	synchronized void put(String resId, String hotelCode, String xml) {
		Message previous = messages.get(resId);
		int version = previous == null ? 1 : previous.version + 1;
		messages.put(resId, new Message(resId, hotelCode, xml, version, State.PENDING,
				previous == null ? 0 : previous.deliveredVersion, previous == null ? 0 : previous.deliveries));
	}

	/** Every unacknowledged message of these hotels (all when empty), now delivered. */
	synchronized List<Message> deliver(List<String> hotels) {
		List<Message> delivered = new ArrayList<>();
		for (Message message : List.copyOf(messages.values())) {
			if (message.state != State.ACKNOWLEDGED && (hotels.isEmpty() || hotels.contains(message.hotelCode))) {
				Message now = new Message(message.resId, message.hotelCode, message.xml, message.version,
						State.DELIVERED, message.version, message.deliveries + 1);
				messages.put(message.resId, now);
				delivered.add(now);
			}
		}
		return delivered;
	}

	/**
	 * @return the HTTP status the acknowledgement of this id earns: 200 taken, 404 never
	 * queued, 400 not delivered (stale, or already acknowledged), 409 changed since its
	 * delivery
	 */
	synchronized int acknowledge(String resId) {
		Message message = messages.get(resId);
		if (message == null) {
			return 404;
		}
		if (message.state != State.DELIVERED) {
			return message.deliveredVersion > 0 && message.deliveredVersion != message.version ? 409 : 400;
		}
		messages.put(resId, new Message(resId, message.hotelCode, message.xml, message.version, State.ACKNOWLEDGED,
				message.deliveredVersion, message.deliveries));
		return 200;
	}

	/** The version of this reservation's latest message (0 when never queued). */
	synchronized int version(String resId) {
		Message message = messages.get(resId);
		return message == null ? 0 : message.version;
	}

	synchronized Optional<State> state(String resId) {
		return Optional.ofNullable(messages.get(resId)).map(Message::state);
	}

	/** How many pulls delivered this reservation, whatever its version. */
	synchronized int deliveries(String resId) {
		Message message = messages.get(resId);
		return message == null ? 0 : message.deliveries;
	}

	synchronized void clear() {
		messages.clear();
	}

	/**
	 * A queued reservation document ({@code HotelReservation} or {@code HotelResModify}).
	 */
	record Message(String resId, String hotelCode, String xml, int version, State state, int deliveredVersion,
			int deliveries) {
	}

}

package io.staysync.soak;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * What the invariant checker compares at the end of a soak: the peers' ground truth and
 * what they recorded, and Staysync's database as another connection reads it.
 *
 * @param truth every reservation the peers made, in its final state
 * @param stored every booking Staysync stored from a channel
 * @param acknowledgements every Booking.com acknowledgement, with what the database held
 * when it was taken
 * @param views each channel's view of each night of a mapped property
 * @param runs every sync run
 * @param deliveries every outbound webhook delivery Staysync logged for the soak's
 * subscription
 * @param received every {@code webhook-id} the soak's receiver was sent
 */
public record SoakState(List<Reservation> truth, List<Stored> stored, List<Acknowledgement> acknowledgements,
		List<NightView> views, List<Run> runs, List<Delivery> deliveries, Set<String> received) {

	/**
	 * A stay as a channel knows it: its key, property, dates and whether it is cancelled.
	 */
	public record Reservation(String channel, String key, String propertyId, LocalDate checkIn, LocalDate checkOut,
			boolean cancelled) {

		boolean holds(LocalDate night) {
			return !cancelled && !night.isBefore(checkIn) && night.isBefore(checkOut);
		}

	}

	/** A booking row: channel, external id, property, dates and status. */
	public record Stored(String channel, String key, String propertyId, LocalDate checkIn, LocalDate checkOut,
			String status) {

		boolean holds(LocalDate night) {
			return !"CANCELLED".equals(status) && !night.isBefore(checkIn) && night.isBefore(checkOut);
		}

	}

	/**
	 * An acknowledgement, checked as it was taken: {@code committed} is whether another
	 * database connection then saw the reservation in the acknowledged state or a later
	 * one; {@code null} when the database could not be asked (restarting).
	 */
	public record Acknowledgement(String key, int version, Instant at, Boolean committed) {
	}

	/** Whether a channel has a night of a property closed, as it would sell it. */
	public record NightView(String channel, String propertyId, LocalDate night, boolean closed) {
	}

	/** A sync run of an integration. */
	public record Run(String id, String channel, Instant startedAt, Instant completedAt, String status) {
	}

	/** An outbound webhook delivery: its {@code webhook-id} and status. */
	public record Delivery(String messageId, String eventType, String status) {
	}

}

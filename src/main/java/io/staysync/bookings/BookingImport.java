package io.staysync.bookings;

import java.util.UUID;

/**
 * How channels write bookings: an idempotent upsert keyed by {@code (integrationId,
 * externalId)}. Applying the same record twice changes nothing the second time. Imported
 * bookings are facts from the channel: an overlap is recorded as a conflict, never
 * refused. Both methods join the caller's transaction when there is one.
 */
public interface BookingImport {

	ImportOutcome apply(ChannelBooking booking);

	/**
	 * Cancels the booking a channel no longer reports (an iCal UID gone from the feed).
	 * {@code UNCHANGED} when it is unknown or already cancelled.
	 */
	ImportOutcome cancel(UUID integrationId, String externalId);

}

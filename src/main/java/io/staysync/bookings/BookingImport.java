package io.staysync.bookings;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * How channels write bookings: an idempotent upsert keyed by the record's
 * {@link ChannelKey}: integration and external id, and for an iCal UID (unique only in
 * its feed) the listing too. Applying the same record twice changes nothing the second
 * time. Imported bookings are facts from the channel: an overlap is recorded as a
 * conflict, never refused. Both methods join the caller's transaction when there is one.
 */
public interface BookingImport {

	ImportOutcome apply(ChannelBooking booking);

	/**
	 * Cancels the booking a channel no longer reports. {@code UNCHANGED} when it is
	 * unknown or already cancelled.
	 */
	ImportOutcome cancel(ChannelKey key);

	/**
	 * Cancels every booking of the integration not cancelled yet (confirmed or tentative)
	 * whose channel-wide external id ({@link KeyScope#CHANNEL}) starts with
	 * {@code keyPrefix}, except those in {@code keep}: what a channel message that is a
	 * full overlay of one reservation (a Booking.com modification) no longer lists.
	 * @return what cancelling each did, with the listing it was on
	 */
	List<Cancellation> cancelOthers(UUID integrationId, String keyPrefix, Set<String> keep);

	/**
	 * One booking {@link #cancelOthers} cancelled.
	 *
	 * @param externalListingId the channel listing it was on, for counting it there
	 */
	record Cancellation(String externalId, String externalListingId, ImportOutcome outcome) {
	}

}

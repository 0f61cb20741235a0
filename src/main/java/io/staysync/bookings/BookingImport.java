package io.staysync.bookings;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * How channels write bookings: an idempotent upsert keyed by the record's
 * {@link ChannelKey}: integration and external id, and for an iCal UID (unique only in
 * its feed) the listing too. Applying the same record twice changes nothing the second
 * time. Imported bookings are facts from the channel: an overlap is recorded as a
 * conflict, never refused. Every method joins the caller's transaction when there is one.
 */
public interface BookingImport {

	ImportOutcome apply(ChannelBooking booking);

	/**
	 * Applies records one after another as {@link #apply} would, in one transaction, with
	 * what they have in common looked up once: meant for the records of one listing. A
	 * record {@code apply} would refuse is reported refused, with the reason, and the
	 * others are applied.
	 * @return what applying each record did, in the order given
	 */
	List<Applied> applyAll(List<ChannelBooking> bookings);

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
	 * What {@link #applyAll} did with one record: its outcome, or why it was refused.
	 *
	 * @param outcome {@code null} when the record was refused
	 * @param refusal why the record was refused, {@code null} when it was applied
	 */
	record Applied(ChannelBooking booking, ImportOutcome outcome, String refusal) {

		public static Applied done(ChannelBooking booking, ImportOutcome outcome) {
			return new Applied(booking, outcome, null);
		}

		public static Applied refused(ChannelBooking booking, String refusal) {
			return new Applied(booking, null, refusal);
		}

	}

	/**
	 * One booking {@link #cancelOthers} cancelled.
	 *
	 * @param externalListingId the channel listing it was on, for counting it there
	 */
	record Cancellation(String externalId, String externalListingId, ImportOutcome outcome) {
	}

}

package io.staysync.channels;

import java.util.List;
import java.util.Set;

import io.staysync.bookings.ChannelBooking;

/**
 * One reservation message of a channel that delivers messages until they are acknowledged
 * (Booking.com's API): the bookings it carries, applied in one transaction and
 * acknowledged only once that committed.
 *
 * @param messageId the connector's key for acknowledging this message
 * @param bookings the bookings as the message states them now (one per room)
 * @param reservationKey the prefix of the external ids of every booking of this
 * reservation: a message is a full overlay, so a booking with this prefix that it no
 * longer lists is cancelled
 * @param unmappedListings the channel listings the message is for that no property is
 * mapped to: such a message is kept unapplied and unacknowledged until they are
 * @param problem why the message cannot be applied as sent, or {@code null}
 * @param reference the channel's reservation number, for people
 */
public record ChannelMessage(String messageId, List<ChannelBooking> bookings, String reservationKey,
		Set<String> unmappedListings, String problem, String reference) {

	public ChannelMessage {
		bookings = List.copyOf(bookings);
		unmappedListings = Set.copyOf(unmappedListings);
	}

	/** Whether it may be applied now: mapped and readable. */
	public boolean applicable() {
		return problem == null && unmappedListings.isEmpty();
	}

}

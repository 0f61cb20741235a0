package io.staysync.channels;

import java.util.LinkedHashSet;
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
 * @param unmappedStays the stays of the message on channel listings that no property is
 * mapped to, with their dates: such a message is kept unapplied and unacknowledged until
 * they are mapped
 * @param problem why the message cannot be applied as sent, or {@code null}
 * @param reference the channel's reservation number, for people
 */
public record ChannelMessage(String messageId, List<ChannelBooking> bookings, String reservationKey,
		List<UnmappedStay> unmappedStays, String problem, String reference) {

	public ChannelMessage {
		bookings = List.copyOf(bookings);
		unmappedStays = List.copyOf(unmappedStays);
	}

	/** The listings the message waits for, in the order of its stays. */
	public Set<String> unmappedListings() {
		Set<String> listings = new LinkedHashSet<>();
		unmappedStays.forEach(stay -> listings.add(stay.externalListingId()));
		return listings;
	}

	/** Whether it may be applied now: mapped and readable. */
	public boolean applicable() {
		return problem == null && unmappedStays.isEmpty();
	}

}

package io.staysync.bookings;

/**
 * Where a channel's external id is unique, and so what identifies the booking it was
 * imported as. The booking is found again by {@link ChannelKey}: integration, scope and
 * external id.
 */
public enum KeyScope {

	/**
	 * Unique only within the feed of one listing: an iCal UID. Many small exporters
	 * number their events {@code 1@host, 2@host}, so two feeds of one integration may
	 * carry the same UID for two different stays. Such a booking is identified by its
	 * integration, its listing and its UID, and never moves to another listing.
	 */
	LISTING,

	/**
	 * Unique across the channel: a Booking.com or Airbnb reservation id. A reservation
	 * that the channel moves to another room or listing stays one booking, updated in
	 * place (its listing and property change), never a second one.
	 */
	CHANNEL

}

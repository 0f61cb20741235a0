package io.staysync.bookings;

/**
 * A guest's stay, or nights closed for another reason (owner stay, maintenance, another
 * channel).
 */
public enum BookingKind {

	RESERVATION, BLOCK

}

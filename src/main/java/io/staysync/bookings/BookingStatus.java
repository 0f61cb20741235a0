package io.staysync.bookings;

/** Only confirmed bookings hold nights. */
public enum BookingStatus {

	CONFIRMED, CANCELLED

}

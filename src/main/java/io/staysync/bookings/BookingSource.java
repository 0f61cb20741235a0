package io.staysync.bookings;

/** Where a booking came from. */
public enum BookingSource {

	MANUAL, AIRBNB, BOOKING_COM, ICAL

}

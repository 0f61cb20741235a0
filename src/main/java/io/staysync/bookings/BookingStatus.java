package io.staysync.bookings;

/**
 * Confirmed bookings hold nights. A tentative one (a channel's request not yet accepted,
 * such as an Airbnb {@code pending} reservation) holds them or not as the
 * {@code staysync.bookings.hold-tentative} setting says; a cancelled one never does.
 */
public enum BookingStatus {

	CONFIRMED, TENTATIVE, CANCELLED

}

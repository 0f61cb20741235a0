package io.staysync.bookings;

/** A booking now holds nights it did not hold before. */
public record BookingCreated(BookingChange booking) {
}

package io.staysync.bookings;

/** A booking no longer holds its nights. */
public record BookingCancelled(BookingChange booking) {
}

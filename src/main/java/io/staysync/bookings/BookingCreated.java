package io.staysync.bookings;

/**
 * A booking was stored: it now holds nights it did not hold before, unless it is
 * tentative while tentative bookings hold none (a consumer that pushes availability reads
 * what holds nights, so it needs not know which).
 */
public record BookingCreated(BookingChange booking) {
}

/**
 * Booking.com in API mode (the Connectivity API, OTA flavour): a machine account's token
 * exchange, pulling new and modified reservations, acknowledging them once stored, and
 * pushing availability with {@code OTA_HotelAvailNotif}. OTA payload types never leave
 * this package; the rest of Staysync sees channel bookings and outcomes.
 */
package io.staysync.channels.bookingcom;

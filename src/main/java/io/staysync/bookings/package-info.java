/**
 * Bookings: reservations and blocks of each property in its own dates, the calendar, and
 * the conflicts when two confirmed bookings claim the same night. Channel imports come in
 * through {@link io.staysync.bookings.BookingImport}, an idempotent upsert, and a booking
 * missing from two consecutive complete feeds is cancelled by
 * {@link io.staysync.bookings.FeedMisses}; every change is published as an event
 * ({@link io.staysync.bookings.BookingCreated},
 * {@link io.staysync.bookings.BookingUpdated},
 * {@link io.staysync.bookings.BookingCancelled},
 * {@link io.staysync.bookings.ConflictDetected}) through the event publication registry.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Bookings",
		allowedDependencies = { "properties", "audit", "common", "web" })
package io.staysync.bookings;

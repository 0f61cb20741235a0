/**
 * iCal channels (Airbnb, Booking.com, Vrbo, any calendar): reading fetched feeds into
 * property-local stays and blocks with a verdict on whether the feed can be trusted
 * ({@link io.staysync.channels.ical.IcalFeedParser}), and writing a property's bookings
 * as an RFC 5545 feed ({@link io.staysync.channels.ical.IcalExportWriter}). ical4j types
 * never leave this package.
 */
package io.staysync.channels.ical;

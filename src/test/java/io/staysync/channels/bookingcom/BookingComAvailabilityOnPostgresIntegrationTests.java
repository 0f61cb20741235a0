package io.staysync.channels.bookingcom;

import io.staysync.test.OnPostgres;

/** The same tests as {@link BookingComAvailabilityIntegrationTests}, on PostgreSQL. */
@OnPostgres
class BookingComAvailabilityOnPostgresIntegrationTests extends BookingComAvailabilityIntegrationTests {

}

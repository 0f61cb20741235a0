package io.staysync.bookings;

import io.staysync.test.OnPostgres;

/** The same tests as {@link BookingApiIntegrationTests}, on PostgreSQL. */
@OnPostgres
class BookingApiOnPostgresIntegrationTests extends BookingApiIntegrationTests {

}

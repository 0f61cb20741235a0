package io.staysync.bookings.web;

import io.staysync.test.OnPostgres;

/** The same tests as {@link BookingPagesIntegrationTests}, on PostgreSQL. */
@OnPostgres
class BookingPagesOnPostgresIntegrationTests extends BookingPagesIntegrationTests {

}

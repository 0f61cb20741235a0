package io.staysync.bookings;

import io.staysync.test.OnPostgres;

/** The same tests as {@link BookingImportIntegrationTests}, on PostgreSQL. */
@OnPostgres
class BookingImportOnPostgresIntegrationTests extends BookingImportIntegrationTests {

}

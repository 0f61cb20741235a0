package io.staysync.channels.bookingcom;

import io.staysync.test.OnPostgres;

/** The same tests as {@link BookingComApiSyncIntegrationTests}, on PostgreSQL. */
@OnPostgres
class BookingComApiSyncOnPostgresIntegrationTests extends BookingComApiSyncIntegrationTests {

}

package io.staysync.bookings;

import io.staysync.test.OnPostgres;

/** The same tests as {@link TentativeHoldIntegrationTests}, on PostgreSQL. */
@OnPostgres
class TentativeHoldOnPostgresIntegrationTests extends TentativeHoldIntegrationTests {

}

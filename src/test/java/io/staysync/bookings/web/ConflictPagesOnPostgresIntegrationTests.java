package io.staysync.bookings.web;

import io.staysync.test.OnPostgres;

/** The same tests as {@link ConflictPagesIntegrationTests}, on PostgreSQL. */
@OnPostgres
class ConflictPagesOnPostgresIntegrationTests extends ConflictPagesIntegrationTests {

}

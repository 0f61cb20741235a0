package io.staysync.web;

import io.staysync.test.OnPostgres;

/** The same tests as {@link ConsolePagesIntegrationTests}, on PostgreSQL. */
@OnPostgres
class ConsolePagesOnPostgresIntegrationTests extends ConsolePagesIntegrationTests {

}

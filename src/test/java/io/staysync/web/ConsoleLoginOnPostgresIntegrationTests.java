package io.staysync.web;

import io.staysync.test.OnPostgres;

/** The same tests as {@link ConsoleLoginIntegrationTests}, on PostgreSQL. */
@OnPostgres
class ConsoleLoginOnPostgresIntegrationTests extends ConsoleLoginIntegrationTests {

}

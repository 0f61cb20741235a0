package io.staysync.web;

import io.staysync.test.OnPostgres;

/** The same tests as {@link ConsoleFormsIntegrationTests}, on PostgreSQL. */
@OnPostgres
class ConsoleFormsOnPostgresIntegrationTests extends ConsoleFormsIntegrationTests {

}

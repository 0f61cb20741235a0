package io.staysync.integrations.web;

import io.staysync.test.OnPostgres;

/** The same tests as {@link IntegrationPagesIntegrationTests}, on PostgreSQL. */
@OnPostgres
class IntegrationPagesOnPostgresIntegrationTests extends IntegrationPagesIntegrationTests {

}

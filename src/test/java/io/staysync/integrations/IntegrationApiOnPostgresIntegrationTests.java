package io.staysync.integrations;

import io.staysync.test.OnPostgres;

/** The same tests as {@link IntegrationApiIntegrationTests}, on PostgreSQL. */
@OnPostgres
class IntegrationApiOnPostgresIntegrationTests extends IntegrationApiIntegrationTests {

}

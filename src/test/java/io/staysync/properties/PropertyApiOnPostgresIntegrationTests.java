package io.staysync.properties;

import io.staysync.test.OnPostgres;

/** The same tests as {@link PropertyApiIntegrationTests}, on PostgreSQL. */
@OnPostgres
class PropertyApiOnPostgresIntegrationTests extends PropertyApiIntegrationTests {

}

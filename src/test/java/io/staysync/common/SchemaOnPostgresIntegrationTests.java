package io.staysync.common;

import io.staysync.test.OnPostgres;

/** The same tests as {@link SchemaIntegrationTests}, on PostgreSQL. */
@OnPostgres
class SchemaOnPostgresIntegrationTests extends SchemaIntegrationTests {

}

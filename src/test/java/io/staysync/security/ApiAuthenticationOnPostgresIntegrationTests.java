package io.staysync.security;

import io.staysync.test.OnPostgres;

/** The same tests as {@link ApiAuthenticationIntegrationTests}, on PostgreSQL. */
@OnPostgres
class ApiAuthenticationOnPostgresIntegrationTests extends ApiAuthenticationIntegrationTests {

}

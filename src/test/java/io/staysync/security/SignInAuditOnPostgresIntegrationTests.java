package io.staysync.security;

import io.staysync.test.OnPostgres;

/** The same tests as {@link SignInAuditIntegrationTests}, on PostgreSQL. */
@OnPostgres
class SignInAuditOnPostgresIntegrationTests extends SignInAuditIntegrationTests {

}

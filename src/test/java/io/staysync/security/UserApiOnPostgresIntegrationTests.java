package io.staysync.security;

import io.staysync.test.OnPostgres;

/** The same tests as {@link UserApiIntegrationTests}, on PostgreSQL. */
@OnPostgres
class UserApiOnPostgresIntegrationTests extends UserApiIntegrationTests {

}

package io.staysync.security;

import io.staysync.test.OnPostgres;

/** The same tests as {@link SessionFollowsAccountIntegrationTests}, on PostgreSQL. */
@OnPostgres
class SessionFollowsAccountOnPostgresIntegrationTests extends SessionFollowsAccountIntegrationTests {

}

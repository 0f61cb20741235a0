package io.staysync.security;

import io.staysync.test.OnPostgres;

/** The same tests as {@link LoginThrottleIntegrationTests}, on PostgreSQL. */
@OnPostgres
class LoginThrottleOnPostgresIntegrationTests extends LoginThrottleIntegrationTests {

}

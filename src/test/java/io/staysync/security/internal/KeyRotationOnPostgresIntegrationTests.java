package io.staysync.security.internal;

import io.staysync.test.OnPostgres;

/** The same tests as {@link KeyRotationIntegrationTests}, on PostgreSQL. */
@OnPostgres
class KeyRotationOnPostgresIntegrationTests extends KeyRotationIntegrationTests {

}

package io.staysync.security;

import io.staysync.test.OnPostgres;

/** The same tests as {@link BehindTlsProxyIntegrationTests}, on PostgreSQL. */
@OnPostgres
class BehindTlsProxyOnPostgresIntegrationTests extends BehindTlsProxyIntegrationTests {

}

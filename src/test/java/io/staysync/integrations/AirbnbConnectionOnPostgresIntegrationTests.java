package io.staysync.integrations;

import io.staysync.test.OnPostgres;

/** The same tests as {@link AirbnbConnectionIntegrationTests}, on PostgreSQL. */
@OnPostgres
class AirbnbConnectionOnPostgresIntegrationTests extends AirbnbConnectionIntegrationTests {

}

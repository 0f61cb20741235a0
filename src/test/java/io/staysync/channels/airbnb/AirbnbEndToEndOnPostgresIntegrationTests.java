package io.staysync.channels.airbnb;

import io.staysync.test.OnPostgres;

/** The same test as {@link AirbnbEndToEndIntegrationTests}, on PostgreSQL. */
@OnPostgres
class AirbnbEndToEndOnPostgresIntegrationTests extends AirbnbEndToEndIntegrationTests {

}

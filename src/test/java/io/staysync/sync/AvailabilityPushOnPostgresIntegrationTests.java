package io.staysync.sync;

import io.staysync.test.OnPostgres;

/** The same tests as {@link AvailabilityPushIntegrationTests}, on PostgreSQL. */
@OnPostgres
class AvailabilityPushOnPostgresIntegrationTests extends AvailabilityPushIntegrationTests {

}

package io.staysync.webhooks;

import io.staysync.test.OnPostgres;

/** The same tests as {@link AirbnbNotificationIntegrationTests}, on PostgreSQL. */
@OnPostgres
class AirbnbNotificationOnPostgresIntegrationTests extends AirbnbNotificationIntegrationTests {

}

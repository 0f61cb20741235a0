package io.staysync.channels.ical;

import io.staysync.test.OnPostgres;

/** The same tests as {@link IcalSyncIntegrationTests}, on PostgreSQL. */
@OnPostgres
class IcalSyncOnPostgresIntegrationTests extends IcalSyncIntegrationTests {

}

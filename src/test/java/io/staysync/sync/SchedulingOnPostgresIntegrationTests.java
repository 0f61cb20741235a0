package io.staysync.sync;

import io.staysync.test.OnPostgres;

/** The same tests as {@link SchedulingIntegrationTests}, on PostgreSQL. */
@OnPostgres
class SchedulingOnPostgresIntegrationTests extends SchedulingIntegrationTests {

}

package io.staysync.sync.internal;

import io.staysync.test.OnPostgres;

/** The same tests as {@link RunOutcomesPagedIntegrationTests}, on PostgreSQL. */
@OnPostgres
class RunOutcomesPagedOnPostgresIntegrationTests extends RunOutcomesPagedIntegrationTests {

}

package io.staysync.sync;

import io.staysync.test.OnPostgres;

/** The same tests as {@link SyncEngineIntegrationTests}, on PostgreSQL. */
@OnPostgres
class SyncEngineOnPostgresIntegrationTests extends SyncEngineIntegrationTests {

}

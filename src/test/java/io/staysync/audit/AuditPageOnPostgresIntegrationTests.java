package io.staysync.audit;

import io.staysync.test.OnPostgres;

/** The same tests as {@link AuditPageIntegrationTests}, on PostgreSQL. */
@OnPostgres
class AuditPageOnPostgresIntegrationTests extends AuditPageIntegrationTests {

}

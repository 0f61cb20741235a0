package io.staysync.audit;

import io.staysync.test.OnPostgres;

/** The same tests as {@link AuditApiIntegrationTests}, on PostgreSQL. */
@OnPostgres
class AuditApiOnPostgresIntegrationTests extends AuditApiIntegrationTests {

}

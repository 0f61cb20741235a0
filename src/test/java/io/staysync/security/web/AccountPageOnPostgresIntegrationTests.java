package io.staysync.security.web;

import io.staysync.test.OnPostgres;

/** The same tests as {@link AccountPageIntegrationTests}, on PostgreSQL. */
@OnPostgres
class AccountPageOnPostgresIntegrationTests extends AccountPageIntegrationTests {

}

package io.staysync.integrations;

import io.staysync.test.OnPostgres;

/** The same tests as {@link MappingsAtScaleIntegrationTests}, on PostgreSQL. */
@OnPostgres
class MappingsAtScaleOnPostgresIntegrationTests extends MappingsAtScaleIntegrationTests {

}

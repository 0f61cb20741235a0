package io.staysync.common.http;

import io.staysync.test.OnPostgres;

/** The same tests as {@link MetadataAddressesIntegrationTests}, on PostgreSQL. */
@OnPostgres
class MetadataAddressesOnPostgresIntegrationTests extends MetadataAddressesIntegrationTests {

}

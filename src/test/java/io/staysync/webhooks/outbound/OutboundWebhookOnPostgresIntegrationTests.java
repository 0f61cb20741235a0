package io.staysync.webhooks.outbound;

import io.staysync.test.OnPostgres;

/** The same tests as {@link OutboundWebhookIntegrationTests}, on PostgreSQL. */
@OnPostgres
class OutboundWebhookOnPostgresIntegrationTests extends OutboundWebhookIntegrationTests {

}

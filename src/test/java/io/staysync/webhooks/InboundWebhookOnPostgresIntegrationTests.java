package io.staysync.webhooks;

import io.staysync.test.OnPostgres;

/** The same tests as {@link InboundWebhookIntegrationTests}, on PostgreSQL. */
@OnPostgres
class InboundWebhookOnPostgresIntegrationTests extends InboundWebhookIntegrationTests {

}

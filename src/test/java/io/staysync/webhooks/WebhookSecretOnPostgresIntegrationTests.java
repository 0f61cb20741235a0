package io.staysync.webhooks;

import io.staysync.test.OnPostgres;

/** The same tests as {@link WebhookSecretIntegrationTests}, on PostgreSQL. */
@OnPostgres
class WebhookSecretOnPostgresIntegrationTests extends WebhookSecretIntegrationTests {

}

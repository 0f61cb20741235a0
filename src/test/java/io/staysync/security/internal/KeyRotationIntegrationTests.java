package io.staysync.security.internal;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import io.staysync.security.vault.SecretContext;
import io.staysync.security.vault.VaultException;
import io.staysync.test.ApiIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Secrets written under key 1 are still read after key 2 became primary, and rotation
 * re-encrypts every one of them so that key 1 can be removed.
 */
@TestPropertySource(
		properties = "staysync.keyring=primary: 2; 1: 8IHZecFrN11TlCPr0o7dOOwbN52PPSzu6svJfbCF1Rw=; 2: smC0JfY8a+sqrVhJ72Ki7DIdsA9HQlw4B7KblFQRyZw=")
class KeyRotationIntegrationTests extends ApiIntegrationTest {

	static final String KEY1 = "8IHZecFrN11TlCPr0o7dOOwbN52PPSzu6svJfbCF1Rw=";

	static final String KEY2 = "smC0JfY8a+sqrVhJ72Ki7DIdsA9HQlw4B7KblFQRyZw=";

	final AesGcmCredentialVault key1Only = AesGcmCredentialVaultTests.vault("primary: 1; 1: " + KEY1);

	final AesGcmCredentialVault key2Only = AesGcmCredentialVaultTests.vault("primary: 2; 2: " + KEY2);

	@Test
	void rotationReencryptsEverySecretUnderThePrimaryKey() throws Exception {
		UUID integration = UUID.randomUUID();
		UUID mapping = UUID.randomUUID();
		String property = createProperty("Rotated Flat", "Europe/Vienna", 2);
		resetChannels();
		jdbc.sql(
				"""
						insert into integrations (id, type, status, mode, api_key, api_secret, access_token, refresh_token,
						    active, sync_interval_minutes, created_at, updated_at, version)
						values (:id, 'airbnb', 'configured', 'api', :key, :secret, :access, :refresh, true, 1, :now, :now, 0)""")
			.param("id", integration)
			.param("key", key1Only.seal("old-api-key", new SecretContext("integrations", integration, "api_key")))
			.param("secret",
					key1Only.seal("old-api-secret", new SecretContext("integrations", integration, "api_secret")))
			.param("access",
					key1Only.seal("old-access-token", new SecretContext("integrations", integration, "access_token")))
			.param("refresh",
					key1Only.seal("old-refresh-token", new SecretContext("integrations", integration, "refresh_token")))
			.param("now", java.sql.Timestamp.from(Instant.now()))
			.update();
		jdbc.sql("""
				insert into listing_mappings (id, integration_id, external_listing_id, property_id, import_url,
				    export_token, created_at, updated_at, version)
				values (:id, :integration, 'L1', cast(:property as uuid), :url, 'token-rotation', :now, :now, 0)""")
			.param("id", mapping)
			.param("integration", integration)
			.param("property", property)
			.param("url",
					key1Only.seal("https://feeds.example/l1.ics",
							new SecretContext("listing_mappings", mapping, "import_url")))
			.param("now", java.sql.Timestamp.from(Instant.now()))
			.update();

		mvc.perform(asAdmin(post("/api/admin/keys/rotate")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.primaryKeyId").value(2))
			.andExpect(jsonPath("$.total").value(5))
			.andExpect(jsonPath("$.resealed.integrations").value(5));

		Map<String, Object> row = jdbc
			.sql("select api_key, api_secret, access_token, refresh_token from integrations where id = :id")
			.param("id", integration)
			.query()
			.singleRow();
		String url = jdbc.sql("select import_url from listing_mappings where id = :id")
			.param("id", mapping)
			.query(String.class)
			.single();
		assertThat(
				key2Only.open((String) row.get("api_key"), new SecretContext("integrations", integration, "api_key")))
			.isEqualTo("old-api-key");
		assertThat(key2Only.open((String) row.get("api_secret"),
				new SecretContext("integrations", integration, "api_secret")))
			.isEqualTo("old-api-secret");
		assertThat(key2Only.open((String) row.get("access_token"),
				new SecretContext("integrations", integration, "access_token")))
			.isEqualTo("old-access-token");
		assertThat(key2Only.open((String) row.get("refresh_token"),
				new SecretContext("integrations", integration, "refresh_token")))
			.isEqualTo("old-refresh-token");
		assertThat(key2Only.open(url, new SecretContext("listing_mappings", mapping, "import_url")))
			.isEqualTo("https://feeds.example/l1.ics");
		assertThatThrownBy(() -> key1Only.open(url, new SecretContext("listing_mappings", mapping, "import_url")))
			.isInstanceOf(VaultException.class);

		mvc.perform(asAdmin(post("/api/admin/keys/rotate"))).andExpect(jsonPath("$.total").value(0));
		assertThat(
				jdbc.sql("select count(*) from audit_events where action = 'keys.rotated'").query(Long.class).single())
			.isEqualTo(2);
		resetChannels();
	}

	@Test
	void rotationReencryptsWebhookSubscriptionSecretsToo() throws Exception {
		UUID subscription = UUID.randomUUID();
		jdbc.sql("""
				insert into webhook_subscriptions (id, target_url, event_types, active, sealed_secret, secret_hint,
				    sealed_previous_secret, previous_secret_until, created_at, updated_at)
				values (:id, 'https://pms.example/hooks', '*', true, :secret, 'abcd', :previous, :now, :now, :now)""")
			.param("id", subscription)
			.param("secret",
					key1Only.seal("whsec_current", new SecretContext("webhook_subscriptions", subscription, "secret")))
			.param("previous",
					key1Only.seal("whsec_previous",
							new SecretContext("webhook_subscriptions", subscription, "previous_secret")))
			.param("now", java.sql.Timestamp.from(Instant.now()))
			.update();

		mvc.perform(asAdmin(post("/api/admin/keys/rotate")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.resealed['webhook subscriptions']").value(2));

		Map<String, Object> row = jdbc
			.sql("select sealed_secret, sealed_previous_secret from webhook_subscriptions where id = :id")
			.param("id", subscription)
			.query()
			.singleRow();
		assertThat(key2Only.open((String) row.get("sealed_secret"),
				new SecretContext("webhook_subscriptions", subscription, "secret")))
			.isEqualTo("whsec_current");
		assertThat(key2Only.open((String) row.get("sealed_previous_secret"),
				new SecretContext("webhook_subscriptions", subscription, "previous_secret")))
			.isEqualTo("whsec_previous");
		jdbc.sql("delete from webhook_subscriptions").update();
	}

}

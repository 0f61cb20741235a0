package io.staysync.integrations.internal;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import io.staysync.channels.ChannelCredentials;
import io.staysync.channels.ChannelListing;
import io.staysync.channels.OAuthTokens;
import io.staysync.integrations.internal.Integration.SealedTokens;
import io.staysync.properties.PropertyCatalog;
import io.staysync.properties.PropertyRef;
import io.staysync.security.vault.CredentialVault;
import io.staysync.security.vault.SecretContext;
import io.staysync.security.vault.SecretStore;

/**
 * Seals and opens the secrets of integrations and listing mappings, each bound to its
 * table, row and column; and re-encrypts them all when keys rotate.
 */
@Component
class IntegrationSecrets implements SecretStore {

	static final String INTEGRATIONS = "integrations";

	static final String MAPPINGS = "listing_mappings";

	static final String ACCESS_TOKEN = "access_token";

	static final String REFRESH_TOKEN = "refresh_token";

	private final CredentialVault vault;

	private final IntegrationRepository integrations;

	private final ListingMappingRepository mappings;

	private final PropertyCatalog properties;

	IntegrationSecrets(CredentialVault vault, IntegrationRepository integrations, ListingMappingRepository mappings,
			PropertyCatalog properties) {
		this.properties = properties;
		this.vault = vault;
		this.integrations = integrations;
		this.mappings = mappings;
	}

	String seal(Integration integration, String column, String plaintext) {
		return vault.seal(plaintext, new SecretContext(INTEGRATIONS, integration.id(), column));
	}

	String sealImportUrl(ListingMapping mapping, String url) {
		return vault.seal(url, new SecretContext(MAPPINGS, mapping.id(), "import_url"));
	}

	/** Decrypts everything a connector needs for one call. */
	ChannelCredentials credentials(Integration integration, List<ListingMapping> listings) {
		Map<UUID, ZoneId> zones = properties.findAll(listings.stream().map(ListingMapping::propertyId).toList())
			.stream()
			.collect(Collectors.toMap(PropertyRef::id, PropertyRef::timeZone));
		return new ChannelCredentials(integration.id(), integration.type(), integration.mode(),
				open(integration, "api_key", integration.sealedApiKey()),
				open(integration, "api_secret", integration.sealedApiSecret()),
				open(integration, "webhook_secret", integration.sealedWebhookSecret()), integration.webhookUrl(),
				listings.stream()
					.map(mapping -> new ChannelListing(mapping.externalListingId(), mapping.propertyId(),
							mapping.sealedImportUrl() == null ? null
									: vault.open(mapping.sealedImportUrl(),
											new SecretContext(MAPPINGS, mapping.id(), "import_url")),
							zones.getOrDefault(mapping.propertyId(), ZoneId.of("UTC"))))
					.toList());
	}

	/** The listing's feed URL in clear, or {@code null} if none is stored. */
	String importUrl(ListingMapping mapping) {
		return mapping.sealedImportUrl() == null ? null
				: vault.open(mapping.sealedImportUrl(), new SecretContext(MAPPINGS, mapping.id(), "import_url"));
	}

	/** Both tokens sealed for this integration's row; the rest as it is. */
	SealedTokens sealTokens(Integration integration, OAuthTokens tokens) {
		return new SealedTokens(seal(integration, ACCESS_TOKEN, tokens.accessToken()),
				tokens.refreshToken() == null ? null : seal(integration, REFRESH_TOKEN, tokens.refreshToken()),
				tokens.expiresAt(), tokens.accountId());
	}

	/** The stored OAuth tokens in clear, when the integration has any. */
	Optional<OAuthTokens> tokens(Integration integration) {
		if (integration.sealedAccessToken() == null) {
			return Optional.empty();
		}
		return Optional.of(new OAuthTokens(open(integration, ACCESS_TOKEN, integration.sealedAccessToken()),
				open(integration, REFRESH_TOKEN, integration.sealedRefreshToken()), integration.tokenExpiresAt(),
				integration.connectedAccount()));
	}

	Optional<String> webhookSecret(Integration integration) {
		return Optional.ofNullable(open(integration, "webhook_secret", integration.sealedWebhookSecret()));
	}

	private String open(Integration integration, String column, String sealed) {
		return sealed == null ? null : vault.open(sealed, new SecretContext(INTEGRATIONS, integration.id(), column));
	}

	@Override
	public String name() {
		return "integrations";
	}

	@Override
	public int resealAll(CredentialVault vault) {
		int resealed = 0;
		for (Integration integration : integrations.findAll()) {
			int before = resealed;
			if (needsReseal(integration.sealedApiKey())) {
				integration.sealApiKey(
						vault.reseal(integration.sealedApiKey(),
								new SecretContext(INTEGRATIONS, integration.id(), "api_key")),
						integration.apiKeyHint());
				resealed++;
			}
			if (needsReseal(integration.sealedApiSecret())) {
				integration.sealApiSecret(vault.reseal(integration.sealedApiSecret(),
						new SecretContext(INTEGRATIONS, integration.id(), "api_secret")));
				resealed++;
			}
			if (needsReseal(integration.sealedWebhookSecret())) {
				integration.sealWebhookSecret(vault.reseal(integration.sealedWebhookSecret(),
						new SecretContext(INTEGRATIONS, integration.id(), "webhook_secret")));
				resealed++;
			}
			if (needsReseal(integration.sealedAccessToken()) || needsReseal(integration.sealedRefreshToken())) {
				resealed += (integration.sealedAccessToken() == null ? 0 : 1)
						+ (integration.sealedRefreshToken() == null ? 0 : 1);
				integration.renewTokens(
						new SealedTokens(reseal(vault, integration, ACCESS_TOKEN, integration.sealedAccessToken()),
								reseal(vault, integration, REFRESH_TOKEN, integration.sealedRefreshToken()),
								integration.tokenExpiresAt(), integration.connectedAccount()));
			}
			if (resealed > before) {
				integrations.save(integration);
			}
		}
		for (ListingMapping mapping : mappings.findAll()) {
			if (needsReseal(mapping.sealedImportUrl())) {
				mapping.sealImportUrl(
						vault.reseal(mapping.sealedImportUrl(),
								new SecretContext(MAPPINGS, mapping.id(), "import_url")),
						mapping.importUrlHost(), mapping.updatedAt());
				mappings.save(mapping);
				resealed++;
			}
		}
		return resealed;
	}

	private static String reseal(CredentialVault vault, Integration integration, String column, String sealed) {
		return sealed == null ? null : vault.reseal(sealed, new SecretContext(INTEGRATIONS, integration.id(), column));
	}

	private boolean needsReseal(String sealed) {
		return sealed != null && !vault.isSealedWithPrimaryKey(sealed);
	}

}

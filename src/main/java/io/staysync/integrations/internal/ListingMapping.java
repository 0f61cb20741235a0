package io.staysync.integrations.internal;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.ReadOnlyProperty;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A channel listing mapped to a property. The import URL is held sealed, with its host
 * kept plain so that a manager can recognise the feed; the export token is the capability
 * in the URL of the export feed that this listing's channel imports.
 */
@Table("listing_mappings")
public class ListingMapping {

	@Id
	private final UUID id;

	private final UUID integrationId;

	private final String externalListingId;

	private UUID propertyId;

	private String importUrl;

	private String importUrlHost;

	private String exportToken;

	private final Instant createdAt;

	private Instant updatedAt;

	/** Written by the feed endpoint alone ({@link ExportFeeds}); saving leaves it. */
	@ReadOnlyProperty
	private Instant exportFetchedAt;

	@Version
	private Long version;

	@PersistenceCreator
	ListingMapping(UUID id, UUID integrationId, String externalListingId, UUID propertyId, String importUrl,
			String importUrlHost, String exportToken, Instant createdAt, Instant updatedAt, Long version) {
		this.id = id;
		this.integrationId = integrationId;
		this.externalListingId = externalListingId;
		this.propertyId = propertyId;
		this.importUrl = importUrl;
		this.importUrlHost = importUrlHost;
		this.exportToken = exportToken;
		this.createdAt = createdAt;
		this.updatedAt = updatedAt;
		this.version = version;
	}

	static ListingMapping create(UUID integrationId, String externalListingId, UUID propertyId, String exportToken,
			Instant now) {
		return new ListingMapping(UUID.randomUUID(), integrationId, externalListingId, propertyId, null, null,
				exportToken, now, now, null);
	}

	/**
	 * @return whether the property changed
	 */
	boolean mapTo(UUID propertyId, Instant now) {
		if (propertyId.equals(this.propertyId)) {
			return false;
		}
		this.propertyId = propertyId;
		this.updatedAt = now;
		return true;
	}

	void sealImportUrl(String sealed, String host, Instant now) {
		this.importUrl = sealed;
		this.importUrlHost = host;
		this.updatedAt = now;
	}

	void replaceExportToken(String token, Instant now) {
		this.exportToken = token;
		this.updatedAt = now;
	}

	public UUID id() {
		return id;
	}

	public UUID integrationId() {
		return integrationId;
	}

	public String externalListingId() {
		return externalListingId;
	}

	public UUID propertyId() {
		return propertyId;
	}

	String sealedImportUrl() {
		return importUrl;
	}

	public boolean importUrlConfigured() {
		return importUrl != null;
	}

	public String importUrlHost() {
		return importUrlHost;
	}

	public String exportToken() {
		return exportToken;
	}

	/** When a channel last read this listing's export feed; {@code null} if never. */
	public Instant exportFetchedAt() {
		return exportFetchedAt;
	}

	public Instant createdAt() {
		return createdAt;
	}

	public Instant updatedAt() {
		return updatedAt;
	}

	@Override
	public String toString() {
		return "ListingMapping[" + externalListingId + " -> " + propertyId + ", importUrl hidden]";
	}

}

package io.staysync.integrations.internal;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.staysync.properties.PropertyCatalog;
import io.staysync.properties.PropertyRef;

/**
 * Finds what an export token gives access to: one property's feed, for one integration.
 */
@Service
public class ExportFeeds {

	private final ListingMappingRepository mappings;

	private final PropertyCatalog properties;

	ExportFeeds(ListingMappingRepository mappings, PropertyCatalog properties) {
		this.mappings = mappings;
		this.properties = properties;
	}

	@Transactional(readOnly = true)
	public Optional<Feed> find(String token) {
		if (token == null || token.length() < 20 || token.length() > 64) {
			return Optional.empty();
		}
		return mappings.findByExportToken(token)
			.flatMap(mapping -> properties.find(mapping.propertyId())
				.map(property -> new Feed(mapping.integrationId(), property)));
	}

	/**
	 * The integration the token was issued for, and the property whose calendar it shows.
	 */
	public record Feed(UUID integrationId, PropertyRef property) {
	}

}

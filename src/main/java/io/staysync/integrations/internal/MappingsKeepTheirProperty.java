package io.staysync.integrations.internal;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.staysync.properties.PropertyDeletionGuard;

/** A property that channel listings are mapped to is not deleted under them. */
@Component
class MappingsKeepTheirProperty implements PropertyDeletionGuard {

	private final ListingMappingRepository mappings;

	MappingsKeepTheirProperty(ListingMappingRepository mappings) {
		this.mappings = mappings;
	}

	@Override
	public Optional<String> reasonToKeep(UUID propertyId) {
		long count = mappings.countByPropertyId(propertyId);
		return count == 0 ? Optional.empty() : Optional.of("The property is mapped to " + count
				+ (count == 1 ? " channel listing" : " channel listings") + "; remove the mapping first.");
	}

}

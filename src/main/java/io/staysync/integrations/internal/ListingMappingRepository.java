package io.staysync.integrations.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.repository.ListCrudRepository;

interface ListingMappingRepository extends ListCrudRepository<ListingMapping, UUID> {

	List<ListingMapping> findByIntegrationIdOrderByExternalListingId(UUID integrationId);

	long countByPropertyId(UUID propertyId);

	List<ListingMapping> findByPropertyId(UUID propertyId);

	Optional<ListingMapping> findByExportToken(String exportToken);

	Optional<ListingMapping> findByIntegrationIdAndExternalListingId(UUID integrationId, String externalListingId);

	long countByIntegrationId(UUID integrationId);

}

package io.staysync.integrations.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.data.repository.ListCrudRepository;

interface ListingMappingRepository extends ListCrudRepository<ListingMapping, UUID> {

	List<ListingMapping> findByIntegrationIdOrderByExternalListingId(UUID integrationId);

	long countByPropertyId(UUID propertyId);

	long countByIntegrationId(UUID integrationId);

}

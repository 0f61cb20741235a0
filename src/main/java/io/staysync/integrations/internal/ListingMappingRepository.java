package io.staysync.integrations.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface ListingMappingRepository extends ListCrudRepository<ListingMapping, UUID> {

	List<ListingMapping> findByIntegrationIdOrderByExternalListingId(UUID integrationId);

	List<ListingMapping> findByIntegrationIdAndExternalListingIdIn(UUID integrationId,
			Collection<String> externalListingIds);

	List<ListingMapping> findByIntegrationIdAndPropertyIdOrderByExternalListingId(UUID integrationId, UUID propertyId);

	long countByPropertyId(UUID propertyId);

	List<ListingMapping> findByPropertyId(UUID propertyId);

	/**
	 * The integrations with a listing mapped to a property. Asked once per booking change
	 * (availability pushes), so it is written out: a derived query renders its SQL again
	 * on every call.
	 */
	@Query("select distinct integration_id from listing_mappings where property_id = :propertyId")
	List<UUID> findIntegrationIdsByPropertyId(UUID propertyId);

	Optional<ListingMapping> findByExportToken(String exportToken);

	Optional<ListingMapping> findByIntegrationIdAndExternalListingId(UUID integrationId, String externalListingId);

	long countByIntegrationId(UUID integrationId);

	/**
	 * Notes that a channel read the export feed; skipped when noted since
	 * {@code notBefore}, so that polling does not turn every read into a write.
	 */
	@Modifying
	@Query("update listing_mappings set export_fetched_at = :at where id = :id"
			+ " and (export_fetched_at is null or export_fetched_at < :notBefore)")
	int noteExportFetch(UUID id, Instant at, Instant notBefore);

	/** A new export link has not been read by anyone yet. */
	@Modifying
	@Query("update listing_mappings set export_fetched_at = null where id = :id")
	int forgetExportFetch(UUID id);

	@Query("select count(*) from listing_mappings where export_fetched_at is not null")
	long countExportFetched();

}

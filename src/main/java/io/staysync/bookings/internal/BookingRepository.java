package io.staysync.bookings.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.relational.repository.Lock;
import org.springframework.data.relational.core.sql.LockMode;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

import io.staysync.bookings.ChannelKey;

interface BookingRepository extends ListCrudRepository<Booking, UUID> {

	@Lock(LockMode.PESSIMISTIC_WRITE)
	Optional<Booking> findByIntegrationIdAndExternalScopeAndExternalId(UUID integrationId, String externalScope,
			String externalId);

	/**
	 * Every booking stored under one key scope of an integration (an iCal listing's,
	 * cancelled ones too), locked until the transaction ends.
	 */
	@Lock(LockMode.PESSIMISTIC_WRITE)
	List<Booking> findByIntegrationIdAndExternalScope(UUID integrationId, String externalScope);

	/** The same booking without a row lock, to find which calendar to lock first. */
	Optional<Booking> readByIntegrationIdAndExternalScopeAndExternalId(UUID integrationId, String externalScope,
			String externalId);

	/** The booking of a channel key, locked until the transaction ends. */
	default Optional<Booking> findLockedByKey(ChannelKey key) {
		return findByIntegrationIdAndExternalScopeAndExternalId(key.integrationId(), key.scope(), key.externalId());
	}

	/** The booking of a channel key, without a row lock. */
	default Optional<Booking> readByKey(ChannelKey key) {
		return readByIntegrationIdAndExternalScopeAndExternalId(key.integrationId(), key.scope(), key.externalId());
	}

	/** A booking locked until the transaction ends. */
	@Lock(LockMode.PESSIMISTIC_WRITE)
	Optional<Booking> findLockedById(UUID id);

	/**
	 * Confirmed bookings of a property that can clash with the stay given, except one:
	 * the other side of a conflict. A tentative booking never is one.
	 */
	@Query("""
			select * from bookings
			where property_id = :propertyId and status = 'CONFIRMED' and id <> :exceptId
			  and check_in < :checkOut and check_out > :checkIn
			  and (kind = 'RESERVATION' or source = 'MANUAL')
			order by check_in, id""")
	List<Booking> findExclusiveOverlaps(@Param("propertyId") UUID propertyId, @Param("checkIn") LocalDate checkIn,
			@Param("checkOut") LocalDate checkOut, @Param("exceptId") UUID exceptId);

	/**
	 * Confirmed bookings of a property that can clash with a stay within the range given:
	 * what {@link #findExclusiveOverlaps} answers for each of several stays, read once.
	 */
	@Query("""
			select * from bookings
			where property_id = :propertyId and status = 'CONFIRMED'
			  and check_in < :to and check_out > :from
			  and (kind = 'RESERVATION' or source = 'MANUAL')""")
	List<Booking> findExclusiveWithin(@Param("propertyId") UUID propertyId, @Param("from") LocalDate from,
			@Param("to") LocalDate to);

	/**
	 * Bookings of a property in the way of a manual stay, except one: reservations and
	 * manual blocks whose status is one of {@code holding} (confirmed, and tentative
	 * while tentative bookings hold their nights).
	 */
	@Query("""
			select * from bookings
			where property_id = :propertyId and status in (:holding) and id <> :exceptId
			  and check_in < :checkOut and check_out > :checkIn
			  and (kind = 'RESERVATION' or source = 'MANUAL')
			order by check_in, id""")
	List<Booking> findHoldingOverlaps(@Param("propertyId") UUID propertyId, @Param("checkIn") LocalDate checkIn,
			@Param("checkOut") LocalDate checkOut, @Param("exceptId") UUID exceptId,
			@Param("holding") List<String> holding);

	/**
	 * Bookings of an integration not cancelled yet (confirmed or tentative) whose channel
	 * key, in a scope, starts with a prefix (already escaped for {@code like} with
	 * {@code !}).
	 */
	@Query("""
			select * from bookings
			where integration_id = :integrationId and external_scope = :scope and status <> 'CANCELLED'
			  and external_id like :pattern escape '!'
			order by external_id""")
	List<Booking> findActiveByKeyPattern(@Param("integrationId") UUID integrationId, @Param("scope") String scope,
			@Param("pattern") String pattern);

	long countByPropertyId(UUID propertyId);

	/** Bookings whose id starts as given: a manual booking's code is its id's start. */
	@Query("select id from bookings where cast(id as varchar(36)) like :prefix")
	List<UUID> findIdsStartingWith(@Param("prefix") String prefix);

	/** The currency last entered for a property, to start its next booking with. */
	@Query("""
			select currency from bookings
			where property_id = :propertyId and currency is not null
			order by created_at desc, id
			limit 1""")
	Optional<String> findLastCurrency(@Param("propertyId") UUID propertyId);

}

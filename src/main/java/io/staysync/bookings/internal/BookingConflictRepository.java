package io.staysync.bookings.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

interface BookingConflictRepository extends ListCrudRepository<BookingConflict, UUID> {

	Optional<BookingConflict> findByBookingIdAndOtherBookingId(UUID bookingId, UUID otherBookingId);

	@Query("select * from booking_conflicts where resolved_at is null and (booking_id = :b or other_booking_id = :b)")
	List<BookingConflict> findOpenInvolving(@Param("b") UUID bookingId);

	Page<BookingConflict> findByResolvedAtIsNullOrderByDetectedAtDesc(Pageable pageable);

	Page<BookingConflict> findByPropertyIdAndResolvedAtIsNullOrderByDetectedAtDesc(UUID propertyId, Pageable pageable);

}

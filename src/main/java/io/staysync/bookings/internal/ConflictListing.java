package io.staysync.bookings.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.staysync.bookings.BookingKind;
import io.staysync.bookings.BookingSource;

/** Open conflicts with enough of both bookings to decide which one to move or cancel. */
@Service
public class ConflictListing {

	private final BookingConflictRepository conflicts;

	private final BookingRepository bookings;

	ConflictListing(BookingConflictRepository conflicts, BookingRepository bookings) {
		this.conflicts = conflicts;
		this.bookings = bookings;
	}

	@Transactional(readOnly = true)
	public Page<OpenConflict> open(UUID propertyId, Pageable pageable) {
		Page<BookingConflict> page = propertyId == null
				? conflicts.findByResolvedAtIsNullOrderByDetectedAtDesc(pageable)
				: conflicts.findByPropertyIdAndResolvedAtIsNullOrderByDetectedAtDesc(propertyId, pageable);
		List<UUID> ids = page.getContent()
			.stream()
			.flatMap(conflict -> java.util.stream.Stream.of(conflict.bookingId(), conflict.otherBookingId()))
			.distinct()
			.toList();
		Map<UUID, Booking> involved = bookings.findAllById(ids)
			.stream()
			.collect(Collectors.toMap(Booking::id, Function.identity()));
		return page.map(conflict -> new OpenConflict(conflict.id(), conflict.propertyId(), conflict.detectedAt(), List
			.of(Side.of(involved.get(conflict.bookingId())), Side.of(involved.get(conflict.otherBookingId())))));
	}

	/** A double booking: the two bookings and when it was found. */
	public record OpenConflict(UUID id, UUID propertyId, Instant detectedAt, List<Side> bookings) {
	}

	/** One of the two bookings of a conflict. */
	public record Side(UUID bookingId, BookingKind kind, BookingSource source, String externalId, String guestName,
			LocalDate checkIn, LocalDate checkOut) {

		static Side of(Booking b) {
			return new Side(b.id(), b.kind(), b.source(), b.externalId(), b.guestName(), b.checkIn(), b.checkOut());
		}

	}

}

package io.staysync.bookings.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.staysync.audit.AuditLog;
import io.staysync.bookings.BookingKind;
import io.staysync.bookings.BookingSource;
import io.staysync.common.ConflictException;
import io.staysync.common.NotFoundException;

/**
 * Open conflicts with enough of both bookings to decide which one to move or cancel, and
 * their review by a manager.
 */
@Service
public class ConflictListing {

	private final BookingConflictRepository conflicts;

	private final BookingRepository bookings;

	private final AuditLog audit;

	private final Clock clock;

	ConflictListing(BookingConflictRepository conflicts, BookingRepository bookings, AuditLog audit, Clock clock) {
		this.conflicts = conflicts;
		this.bookings = bookings;
		this.audit = audit;
		this.clock = clock;
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
		return page.map(conflict -> new OpenConflict(conflict.id(), conflict.propertyId(), conflict.detectedAt(),
				List.of(Side.of(involved.get(conflict.bookingId())), Side.of(involved.get(conflict.otherBookingId()))),
				conflict.reviewedAt(), conflict.reviewedBy(), conflict.reviewNote()));
	}

	/**
	 * Marks an open conflict reviewed: the manager knows of the double booking and keeps
	 * it, for the reason in the note. It stays open (both bookings still hold the night)
	 * but no longer asks for attention.
	 */
	@Transactional
	public void review(UUID id, String reviewer, String note) {
		BookingConflict conflict = conflicts.findById(id).orElseThrow(() -> NotFoundException.of("Conflict", id));
		if (!conflict.isOpen()) {
			throw new ConflictException(
					"This conflict was resolved already: one of its bookings was cancelled or moved.");
		}
		conflict.review(clock.instant(), reviewer, note);
		conflicts.save(conflict);
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("propertyId", conflict.propertyId().toString());
		details.put("bookingIds", List.of(conflict.bookingId().toString(), conflict.otherBookingId().toString()));
		details.put("note", note);
		audit.record("conflict.reviewed", "conflict:" + id, details);
	}

	/** A double booking: the two bookings, when it was found, and its review if any. */
	public record OpenConflict(UUID id, UUID propertyId, Instant detectedAt, List<Side> bookings, Instant reviewedAt,
			String reviewedBy, String reviewNote) {
	}

	/**
	 * One of the two bookings of a conflict; {@code code} is what a manager searches by:
	 * the channel's confirmation code, or the start of a manual booking's id.
	 */
	public record Side(UUID bookingId, BookingKind kind, BookingSource source, String externalId,
			String externalReference, String code, String guestName, LocalDate checkIn, LocalDate checkOut) {

		static Side of(Booking b) {
			return new Side(b.id(), b.kind(), b.source(), b.externalId(), b.externalReference(), b.code(),
					b.guestName(), b.checkIn(), b.checkOut());
		}

	}

}

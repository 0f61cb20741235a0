package io.staysync.bookings.internal;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * Two confirmed bookings of one property that claim the same night. Stored once per pair
 * (in a fixed order); it is resolved when either side is cancelled or moved, and reopened
 * if they clash again. A manager may mark an open conflict reviewed, with a note, when
 * the double booking is known and accepted; a reopened conflict is new again.
 */
@Table("booking_conflicts")
public class BookingConflict {

	@Id
	private final UUID id;

	private final UUID propertyId;

	private final UUID bookingId;

	private final UUID otherBookingId;

	private Instant detectedAt;

	private Instant resolvedAt;

	private Instant reviewedAt;

	private String reviewedBy;

	private String reviewNote;

	@Version
	private Long version;

	@PersistenceCreator
	BookingConflict(UUID id, UUID propertyId, UUID bookingId, UUID otherBookingId, Instant detectedAt,
			Instant resolvedAt, Instant reviewedAt, String reviewedBy, String reviewNote, Long version) {
		this.id = id;
		this.propertyId = propertyId;
		this.bookingId = bookingId;
		this.otherBookingId = otherBookingId;
		this.detectedAt = detectedAt;
		this.resolvedAt = resolvedAt;
		this.reviewedAt = reviewedAt;
		this.reviewedBy = reviewedBy;
		this.reviewNote = reviewNote;
		this.version = version;
	}

	static BookingConflict between(UUID propertyId, UUID one, UUID other, Instant now) {
		boolean ordered = one.toString().compareTo(other.toString()) < 0;
		return new BookingConflict(UUID.randomUUID(), propertyId, ordered ? one : other, ordered ? other : one, now,
				null, null, null, null, null);
	}

	static UUID[] pair(UUID one, UUID other) {
		return one.toString().compareTo(other.toString()) < 0 ? new UUID[] { one, other } : new UUID[] { other, one };
	}

	boolean isOpen() {
		return resolvedAt == null;
	}

	void resolve(Instant now) {
		resolvedAt = now;
	}

	void reopen(Instant now) {
		detectedAt = now;
		resolvedAt = null;
		reviewedAt = null;
		reviewedBy = null;
		reviewNote = null;
	}

	void review(Instant now, String reviewer, String note) {
		reviewedAt = now;
		reviewedBy = reviewer;
		reviewNote = note;
	}

	UUID otherThan(UUID booking) {
		return bookingId.equals(booking) ? otherBookingId : bookingId;
	}

	public UUID id() {
		return id;
	}

	public UUID propertyId() {
		return propertyId;
	}

	public UUID bookingId() {
		return bookingId;
	}

	public UUID otherBookingId() {
		return otherBookingId;
	}

	public Instant detectedAt() {
		return detectedAt;
	}

	public Instant resolvedAt() {
		return resolvedAt;
	}

	public Instant reviewedAt() {
		return reviewedAt;
	}

	public String reviewedBy() {
		return reviewedBy;
	}

	public String reviewNote() {
		return reviewNote;
	}

}

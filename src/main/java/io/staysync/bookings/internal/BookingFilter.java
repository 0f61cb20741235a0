package io.staysync.bookings.internal;

import java.time.LocalDate;
import java.util.UUID;

import org.springframework.data.relational.core.query.Criteria;

import io.staysync.bookings.BookingKind;
import io.staysync.bookings.BookingSource;
import io.staysync.bookings.BookingStatus;

/**
 * Which bookings to list. {@code from} and {@code to} select stays that hold at least one
 * night in {@code [from, to)}.
 */
public record BookingFilter(UUID propertyId, LocalDate from, LocalDate to, BookingStatus status, BookingSource source,
		BookingKind kind) {

	Criteria toCriteria() {
		Criteria criteria = Criteria.empty();
		if (propertyId != null) {
			criteria = criteria.and("propertyId").is(propertyId);
		}
		if (to != null) {
			criteria = criteria.and("checkIn").lessThan(to);
		}
		if (from != null) {
			criteria = criteria.and("checkOut").greaterThan(from);
		}
		if (status != null) {
			criteria = criteria.and("status").is(status.name());
		}
		if (source != null) {
			criteria = criteria.and("source").is(source.name());
		}
		if (kind != null) {
			criteria = criteria.and("kind").is(kind.name());
		}
		return criteria;
	}

}

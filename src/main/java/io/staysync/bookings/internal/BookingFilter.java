package io.staysync.bookings.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.data.relational.core.query.Criteria;

import io.staysync.bookings.BookingKind;
import io.staysync.bookings.BookingSource;
import io.staysync.bookings.BookingStatus;

/**
 * Which bookings to list. {@code from} and {@code to} select stays that hold at least one
 * night in {@code [from, to)}; {@code text} finds a guest's name or e-mail address or a
 * booking's code (the channel's confirmation code or id, or the start of a manual
 * booking's id).
 */
public record BookingFilter(UUID propertyId, LocalDate from, LocalDate to, BookingStatus status, BookingSource source,
		BookingKind kind, String text) {

	/** A manual booking's code is the start of its id: eight hex digits or more. */
	private static final Pattern CODE = Pattern.compile("[0-9a-fA-F-]{8,36}");

	public BookingFilter(UUID propertyId, LocalDate from, LocalDate to, BookingStatus status, BookingSource source,
			BookingKind kind) {
		this(propertyId, from, to, status, source, kind, null);
	}

	boolean hasText() {
		return text != null && !text.isBlank();
	}

	/** The id prefix to look up when the text may be a manual booking's code. */
	Optional<String> codePrefix() {
		return hasText() && CODE.matcher(text.trim()).matches()
				? Optional.of(text.trim().toLowerCase(Locale.ROOT) + "%") : Optional.empty();
	}

	Criteria toCriteria(Collection<UUID> idsByCode) {
		Criteria criteria = Criteria.empty();
		if (hasText()) {
			String pattern = "%" + escaped(text.trim()) + "%";
			Criteria matches = Criteria.where("guestName")
				.like(pattern)
				.ignoreCase(true)
				.or("guestEmail")
				.like(pattern)
				.ignoreCase(true)
				.or("externalReference")
				.like(pattern)
				.ignoreCase(true)
				.or("externalId")
				.like(pattern)
				.ignoreCase(true);
			if (!idsByCode.isEmpty()) {
				matches = matches.or("id").in(idsByCode);
			}
			criteria = criteria.and(matches);
		}
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

	/** Typed % and _ are matched as themselves, not as wildcards. */
	private static String escaped(String typed) {
		return typed.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}

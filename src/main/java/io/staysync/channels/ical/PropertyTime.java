package io.staysync.channels.ical;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.time.temporal.TemporalAmount;

/**
 * Puts the feed's dates and times on the property's own calendar. A date
 * ({@code VALUE=DATE}) already is a property date and never moves, whatever the zones
 * involved; a time with a TZID or in UTC is moved to the property's zone; a floating time
 * is read as the property's wall-clock time. Nothing here looks at the JVM's default
 * zone.
 */
final class PropertyTime {

	private final ZoneId zone;

	PropertyTime(ZoneId zone) {
		this.zone = zone;
	}

	/** The property's wall-clock time of a feed value; a date is its midnight. */
	LocalDateTime local(Temporal value) {
		if (value instanceof LocalDate date) {
			return date.atStartOfDay();
		}
		if (value instanceof LocalDateTime floating) {
			return floating;
		}
		if (value instanceof ZonedDateTime zoned) {
			return zoned.withZoneSameInstant(zone).toLocalDateTime();
		}
		if (value instanceof OffsetDateTime offset) {
			return offset.atZoneSameInstant(zone).toLocalDateTime();
		}
		if (value instanceof Instant instant) {
			return instant.atZone(zone).toLocalDateTime();
		}
		throw new DateTimeException("unsupported date value " + value.getClass().getSimpleName());
	}

	/**
	 * An event's stay from its DTSTART and its DTEND or DURATION (either may be missing:
	 * a day-long event without them is one night, a timed one lasts no time at all).
	 */
	Stay stay(Temporal start, Temporal end, TemporalAmount duration) {
		LocalDateTime localStart = local(start);
		if (end != null) {
			return new Stay(localStart, local(end));
		}
		if (duration != null) {
			return new Stay(localStart, localStart.plus(duration));
		}
		return new Stay(localStart, start instanceof LocalDate ? localStart.plusDays(1) : localStart);
	}

	/**
	 * A value of the seed's own type at the start of {@code date}, for asking ical4j
	 * which occurrences of a rule fall between two dates.
	 */
	static Temporal sameKind(Temporal seed, LocalDate date) {
		if (seed instanceof ZonedDateTime zoned) {
			return date.atStartOfDay(zoned.getZone());
		}
		if (seed instanceof OffsetDateTime offset) {
			return OffsetDateTime.of(date.atStartOfDay(), offset.getOffset());
		}
		if (seed instanceof Instant) {
			return date.atStartOfDay(ZoneOffset.UTC).toInstant();
		}
		if (seed instanceof LocalDateTime) {
			return date.atStartOfDay();
		}
		return date;
	}

}

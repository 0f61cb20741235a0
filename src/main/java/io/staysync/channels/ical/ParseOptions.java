package io.staysync.channels.ical;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

import io.staysync.common.TimeLimit;

/**
 * How to read one listing's feed.
 *
 * @param propertyZone the property's time zone: timed events are turned into its dates
 * @param horizonStart events whose departure day is before it are dropped; recurring
 * events are expanded from here
 * @param horizonEnd recurring events are expanded up to here (exclusive), so that an
 * endless rule ends somewhere; one-off events after it are kept
 * @param closedAsReservation read Booking.com's {@code CLOSED - Not available} as a
 * reservation rather than a block (the manager knows the room is never closed by hand)
 * @param maxEvents the most events a feed may have, and the most stays its events may
 * make once recurrences are expanded; past it the feed is refused
 * @param timeLimit when reading gives up, checked between events and rules, so that a
 * feed that costs too much to read stops costing anything
 */
public record ParseOptions(ZoneId propertyZone, LocalDate horizonStart, LocalDate horizonEnd,
		boolean closedAsReservation, int maxEvents, TimeLimit timeLimit) {

	/** The default of {@code staysync.channels.ical.max-events-per-feed}. */
	public static final int DEFAULT_MAX_EVENTS = 10_000;

	public ParseOptions {
		Objects.requireNonNull(propertyZone, "propertyZone");
		Objects.requireNonNull(horizonStart, "horizonStart");
		Objects.requireNonNull(horizonEnd, "horizonEnd");
		Objects.requireNonNull(timeLimit, "timeLimit");
		if (!horizonEnd.isAfter(horizonStart)) {
			throw new IllegalArgumentException(
					"horizonEnd " + horizonEnd + " must be after horizonStart " + horizonStart);
		}
		if (maxEvents < 1) {
			throw new IllegalArgumentException("maxEvents must be at least 1");
		}
	}

	/** With the default cap on events and no time limit. */
	public ParseOptions(ZoneId propertyZone, LocalDate horizonStart, LocalDate horizonEnd,
			boolean closedAsReservation) {
		this(propertyZone, horizonStart, horizonEnd, closedAsReservation, DEFAULT_MAX_EVENTS, TimeLimit.none());
	}

	/** The same, with another cap on events and time limit. */
	public ParseOptions within(int maxEvents, TimeLimit timeLimit) {
		return new ParseOptions(propertyZone, horizonStart, horizonEnd, closedAsReservation, maxEvents, timeLimit);
	}

}

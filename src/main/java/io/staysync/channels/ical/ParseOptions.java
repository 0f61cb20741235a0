package io.staysync.channels.ical;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

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
 */
public record ParseOptions(ZoneId propertyZone, LocalDate horizonStart, LocalDate horizonEnd,
		boolean closedAsReservation) {

	public ParseOptions {
		Objects.requireNonNull(propertyZone, "propertyZone");
		Objects.requireNonNull(horizonStart, "horizonStart");
		Objects.requireNonNull(horizonEnd, "horizonEnd");
		if (!horizonEnd.isAfter(horizonStart)) {
			throw new IllegalArgumentException(
					"horizonEnd " + horizonEnd + " must be after horizonStart " + horizonStart);
		}
	}

}

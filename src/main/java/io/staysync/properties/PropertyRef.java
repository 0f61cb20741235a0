package io.staysync.properties;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.UUID;

/** What other modules need to know of a property. */
public record PropertyRef(UUID id, String name, ZoneId timeZone, LocalTime checkInTime, LocalTime checkOutTime,
		int maxGuests) {

	/**
	 * Today as a guest at the property would call it: stays are in the property's own
	 * dates.
	 */
	public LocalDate today(Clock clock) {
		return LocalDate.now(clock.withZone(timeZone));
	}

}

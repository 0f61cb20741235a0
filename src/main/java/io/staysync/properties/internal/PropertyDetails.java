package io.staysync.properties.internal;

import java.time.LocalTime;

/** Everything about a property that a manager sets, already validated. */
public record PropertyDetails(String name, String timeZone, LocalTime checkInTime, LocalTime checkOutTime, int maxGuests,
		Property.Address address) {
}

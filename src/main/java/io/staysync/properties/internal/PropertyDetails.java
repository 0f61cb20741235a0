package io.staysync.properties.internal;

import java.time.LocalTime;

/**
 * Everything about a property that a manager sets. Check-in and check-out times left out
 * take the house defaults ({@link PropertyRules#DEFAULT_CHECK_IN},
 * {@link PropertyRules#DEFAULT_CHECK_OUT}); the rest is checked by {@link PropertyRules}
 * when it is stored.
 */
public record PropertyDetails(String name, String timeZone, LocalTime checkInTime, LocalTime checkOutTime,
		int maxGuests, Property.Address address) {

	public PropertyDetails {
		checkInTime = checkInTime == null ? PropertyRules.DEFAULT_CHECK_IN : checkInTime;
		checkOutTime = checkOutTime == null ? PropertyRules.DEFAULT_CHECK_OUT : checkOutTime;
	}

}

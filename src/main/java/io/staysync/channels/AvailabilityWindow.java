package io.staysync.channels;

import java.time.LocalDate;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The availability of one property over a range of nights, as a push to a channel sends
 * it: every night from {@code from} up to (not including) {@code to} is open unless a
 * confirmed booking or block holds it. The whole range is sent, not a delta, so a
 * repeated or late push is harmless.
 */
public record AvailabilityWindow(UUID propertyId, LocalDate from, LocalDate to, SortedSet<LocalDate> closedNights) {

	public AvailabilityWindow {
		if (!from.isBefore(to)) {
			throw new IllegalArgumentException("An availability window needs at least one night");
		}
		closedNights = Collections.unmodifiableSortedSet(new TreeSet<>(closedNights));
	}

	public boolean open(LocalDate night) {
		return !closedNights.contains(night);
	}

}

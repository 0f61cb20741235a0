package io.staysync.bookings;

import java.util.List;
import java.util.UUID;

/**
 * What applying one channel record did.
 *
 * @param bookingId the booking it landed in, {@code null} when nothing was stored
 * @param changes the fields that changed, for {@code UPDATED}
 * @param conflictsDetected how many new conflicts the record caused
 */
public record ImportOutcome(UUID bookingId, Result result, List<String> changes, int conflictsDetected) {

	public enum Result {

		CREATED, UPDATED, UNCHANGED, CANCELLED

	}

}

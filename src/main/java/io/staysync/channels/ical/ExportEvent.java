package io.staysync.channels.ical;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One booking or block as Staysync publishes it in a property's feed.
 *
 * @param uid stable across exports (the booking's own id): a calendar that subscribes to
 * the feed recognises a changed stay by it
 * @param checkOut the departure day, after {@code checkIn}
 * @param summary what other calendars show; {@code null} for none
 */
public record ExportEvent(String uid, LocalDate checkIn, LocalDate checkOut, String summary) {

	public ExportEvent {
		Objects.requireNonNull(uid, "uid");
		Objects.requireNonNull(checkIn, "checkIn");
		Objects.requireNonNull(checkOut, "checkOut");
		if (uid.isBlank()) {
			throw new IllegalArgumentException("uid must not be blank");
		}
		if (!checkOut.isAfter(checkIn)) {
			throw new IllegalArgumentException("checkOut " + checkOut + " must be after checkIn " + checkIn);
		}
	}

}

package io.staysync.channels.ical;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * When an event starts and ends on the property's own clock. A stay holds whole nights:
 * it begins on the start's date and ends on the end's date, and holds at least one night
 * even when the feed says less (a DTSTART-only event, an afternoon appointment).
 */
record Stay(LocalDateTime start, LocalDateTime end) {

	LocalDate checkIn() {
		return start.toLocalDate();
	}

	LocalDate checkOut() {
		LocalDate departure = end.toLocalDate();
		return departure.isAfter(checkIn()) ? departure : checkIn().plusDays(1);
	}

	/** The same length, starting elsewhere: one occurrence of a recurring event. */
	Stay movedTo(LocalDateTime otherStart) {
		return new Stay(otherStart, otherStart.plus(Duration.between(start, end)));
	}

}

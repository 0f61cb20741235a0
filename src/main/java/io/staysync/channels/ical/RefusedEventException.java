package io.staysync.channels.ical;

/**
 * One event that Staysync will not read as stays: a rule repeating within the day, more
 * occurrences than a stay can have, a rule that cannot be worked out without walking
 * centuries. Unlike an {@link UnreadableEventException}, it costs only the event: it is
 * left out and named, the rest of the calendar is used, and because the calendar is then
 * not a complete picture, nothing is cancelled for being missing from it.
 */
class RefusedEventException extends RuntimeException {

	RefusedEventException(String reason) {
		super(reason, null, false, false);
	}

}

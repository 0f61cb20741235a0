package io.staysync.channels.ical;

/**
 * A calendar whose events cannot be understood. The whole feed is then refused: skipping
 * the event would read as its cancellation.
 */
class UnreadableEventException extends RuntimeException {

	UnreadableEventException(String reason) {
		super(reason);
	}

}

package io.staysync.channels.bookingcom;

import java.time.Duration;

/**
 * A call to Booking.com that did not work, with the reason in the words the console uses
 * and what kind of failure it was. Never carries a credential or a token.
 */
class BookingComException extends Exception {

	/** What kind of failure, for deciding whether to retry and how to word it. */
	enum Reason {

		/** The client id or secret was refused. */
		CREDENTIALS,
		/** The machine account has no access to a hotel (403). */
		NO_ACCESS,
		/** Booking.com could not be reached (DNS, connection, time-out). */
		NETWORK,
		/** Booking.com answered with a server error (5xx). */
		DOWN,
		/** Booking.com asked to slow down (429), or the hourly token budget is spent. */
		THROTTLED,
		/** Booking.com refused the request itself (another 4xx). */
		REFUSED,
		/** The answer could not be read. */
		MALFORMED

	}

	private final Reason reason;

	private final Integer httpStatus;

	private final Duration retryAfter;

	BookingComException(Reason reason, String message, Integer httpStatus, Duration retryAfter) {
		super(message);
		this.reason = reason;
		this.httpStatus = httpStatus;
		this.retryAfter = retryAfter;
	}

	Reason reason() {
		return reason;
	}

	Integer httpStatus() {
		return httpStatus;
	}

	Duration retryAfter() {
		return retryAfter;
	}

	/** Whether the same call may work after a wait. */
	boolean passing() {
		return reason == Reason.NETWORK || reason == Reason.DOWN || reason == Reason.THROTTLED;
	}

}

package io.staysync.channels.airbnb;

import java.time.Duration;

/**
 * A call to Airbnb that did not work, with the reason in the words the console uses and
 * what kind of failure it was. Never carries a token, a secret or a guest's details.
 */
class AirbnbException extends Exception {

	/** What kind of failure, for deciding whether to retry and how to word it. */
	enum Reason {

		/** No tokens yet: the host has not connected the account. */
		NOT_CONNECTED,
		/** The client id or secret, or an authorization code, was refused. */
		CREDENTIALS,
		/** Airbnb no longer honours the authorization: the host must reconnect. */
		REVOKED,
		/** The account may not see the listing or reservation (403). */
		NO_ACCESS,
		/** Airbnb knows no such reservation or listing (404). */
		NOT_FOUND,
		/** Airbnb could not be reached (DNS, connection, time-out). */
		NETWORK,
		/** Airbnb answered with a server error (5xx other than 503). */
		DOWN,
		/** Airbnb asked to slow down (405, 429, 503). */
		THROTTLED,
		/** Airbnb refused the request itself (another 4xx). */
		REFUSED,
		/** The answer could not be read, or a page walk never ended. */
		MALFORMED

	}

	private final Reason reason;

	private final Integer httpStatus;

	private final Duration retryAfter;

	AirbnbException(Reason reason, String message, Integer httpStatus, Duration retryAfter) {
		super(message);
		this.reason = reason;
		this.httpStatus = httpStatus;
		this.retryAfter = retryAfter;
	}

	AirbnbException(Reason reason, String message) {
		this(reason, message, null, null);
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

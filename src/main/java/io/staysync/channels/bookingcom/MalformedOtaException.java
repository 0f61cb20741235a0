package io.staysync.channels.bookingcom;

/**
 * A Booking.com answer that is not a well-formed, safe OTA document: nothing in it is
 * applied and nothing is acknowledged. The message is written for a property manager.
 */
class MalformedOtaException extends Exception {

	MalformedOtaException(String message) {
		super(message);
	}

}

package io.staysync.channels.bookingcom;

/**
 * The benchmarks' way to the package-private {@link OtaParser}: parsing a pulled document
 * alone is the baseline a Booking.com pull is measured against.
 */
public final class OtaParsing {

	private final OtaParser parser = new OtaParser();

	/**
	 * @return how many reservations the document holds
	 */
	public int parse(byte[] document) throws MalformedOtaException {
		return parser.parse(document).reservations().size();
	}

}

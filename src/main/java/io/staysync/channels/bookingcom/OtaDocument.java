package io.staysync.channels.bookingcom;

import java.util.List;

/**
 * A parsed Booking.com OTA answer: its reservations, the {@code Error} and
 * {@code Warning} elements it carried, and the RUID Booking.com's support asks for.
 */
record OtaDocument(List<OtaReservation> reservations, List<OtaError> errors, List<OtaError> warnings, String ruid) {

	OtaDocument {
		reservations = List.copyOf(reservations);
		errors = List.copyOf(errors);
		warnings = List.copyOf(warnings);
	}

	/**
	 * An OTA {@code Error} or {@code Warning}: its code, text, and the {@code RecordID}
	 * that echoes the {@code LocatorID} of the message it is about.
	 */
	record OtaError(String code, String shortText, String recordId) {

		@Override
		public String toString() {
			return (code == null ? "" : code + " ") + (shortText == null ? "" : shortText);
		}

	}

}

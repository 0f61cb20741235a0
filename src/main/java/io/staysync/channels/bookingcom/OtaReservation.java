package io.staysync.channels.bookingcom;

import java.util.List;

/**
 * One reservation of a pulled batch, with the booker's contact details (card data is
 * never read).
 *
 * @param resId Booking.com's reservation number ({@code ResID_Value}), the key of its
 * acknowledgement
 * @param problem why the reservation cannot be applied as sent (a room without nights),
 * or {@code null}
 */
record OtaReservation(String resId, List<OtaRoomStay> roomStays, String bookerName, String email, String phone,
		String problem) {

	OtaReservation {
		roomStays = List.copyOf(roomStays);
	}

}

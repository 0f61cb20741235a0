package io.staysync.channels.bookingcom;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One room of a reservation as Booking.com sends it: a room type of a hotel for a run of
 * nights. Check-in is the earliest night, check-out the day after the latest.
 *
 * @param index the room's {@code IndexNumber} within its reservation
 * @param total the room's price in currency units, or {@code null} when the payload did
 * not say it in a form that can be read without guessing
 * @param guestName the guest staying in this room, else the booker
 */
record OtaRoomStay(String index, String hotelCode, String roomTypeCode, LocalDate checkIn, LocalDate checkOut,
		int adults, int children, BigDecimal total, String currency, String guestName) {

	/** The listing this room belongs to: {@code HOTELCODE-ROOMTYPECODE}. */
	String listingId() {
		return hotelCode + "-" + roomTypeCode;
	}

}

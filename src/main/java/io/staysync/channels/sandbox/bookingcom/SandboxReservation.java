package io.staysync.channels.sandbox.bookingcom;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * A reservation the sandbox queues, written as Booking.com writes one: a room stay per
 * room, a {@code RoomRate} per night with integer amounts and {@code DecimalPlaces}, no
 * {@code TimeSpan}, the booker under {@code ResGlobalInfo}.
 */
public record SandboxReservation(String resId, String hotelCode, List<Room> rooms, String givenName, String surname) {

	/** One room: its index, room type, first night, nights, adults and nightly cents. */
	public record Room(int index, String roomTypeCode, LocalDate firstNight, int nights, int adults, int nightlyCents) {
	}

	/** The {@code HotelReservation} (or {@code HotelResModify}) element. */
	String xml(String element) {
		StringBuilder xml = new StringBuilder("<").append(element).append(">");
		if (!rooms.isEmpty()) {
			xml.append("<RoomStays>");
			for (Room room : rooms) {
				xml.append("<RoomStay IndexNumber=\"").append(room.index()).append("\">");
				xml.append("<RoomTypes><RoomType RoomTypeCode=\"")
					.append(text(room.roomTypeCode()))
					.append("\"/></RoomTypes>");
				xml.append("<RoomRates>");
				for (int night = 0; night < room.nights(); night++) {
					xml.append("<RoomRate EffectiveDate=\"")
						.append(room.firstNight().plusDays(night))
						.append("\" RatePlanCode=\"1278608\"><Rates><Rate><Total AmountAfterTax=\"")
						.append(room.nightlyCents())
						.append("\" CurrencyCode=\"EUR\" DecimalPlaces=\"2\"/></Rate></Rates></RoomRate>");
				}
				xml.append("</RoomRates>");
				xml.append("<GuestCounts><GuestCount Count=\"")
					.append(room.adults())
					.append("\" AgeQualifyingCode=\"10\"/></GuestCounts>");
				xml.append("<Total AmountAfterTax=\"")
					.append((long) room.nightlyCents() * room.nights())
					.append("\" CurrencyCode=\"EUR\" DecimalPlaces=\"2\"/>");
				xml.append("<BasicPropertyInfo HotelCode=\"").append(text(hotelCode)).append("\"/>");
				xml.append("</RoomStay>");
			}
			xml.append("</RoomStays>");
		}
		xml.append("<ResGlobalInfo><HotelReservationIDs><HotelReservationID ResID_Value=\"")
			.append(text(resId))
			.append("\"/></HotelReservationIDs>");
		if (givenName != null) {
			xml.append("<Profiles><ProfileInfo><Profile><Customer><PersonName><GivenName>")
				.append(text(givenName))
				.append("</GivenName><Surname>")
				.append(text(surname))
				.append("</Surname></PersonName><Email>")
				.append(text(givenName.toLowerCase(Locale.ROOT)))
				.append(".")
				.append(text(resId))
				.append("@guest.booking.com</Email></Customer></Profile></ProfileInfo></Profiles>");
		}
		xml.append("</ResGlobalInfo></").append(element).append(">");
		return xml.toString();
	}

	private static String text(String value) {
		return value == null ? ""
				: value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

}

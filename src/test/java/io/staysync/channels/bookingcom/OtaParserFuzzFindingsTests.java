package io.staysync.channels.bookingcom;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Inputs that once broke {@link OtaParser}, smallest form first: each one a regression
 * test that needs no fuzzer.
 */
class OtaParserFuzzFindingsTests {

	private final OtaParser parser = new OtaParser();

	private static byte[] reservation(String roomStay) {
		return ("""
				<OTA_HotelResNotifRQ xmlns="http://www.opentravel.org/OTA/2003/05"><HotelReservations><HotelReservation>
				<RoomStays><RoomStay IndexNumber="1">%s</RoomStay></RoomStays>
				<ResGlobalInfo><HotelReservationIDs><HotelReservationID ResID_Value="4711"/></HotelReservationIDs></ResGlobalInfo>
				</HotelReservation></HotelReservations></OTA_HotelResNotifRQ>""")
			.formatted(roomStay)
			.getBytes(StandardCharsets.UTF_8);
	}

	private static final String NIGHT = "<RoomTypes><RoomType RoomTypeCode=\"77\"/></RoomTypes>"
			+ "<RoomRates><RoomRate EffectiveDate=\"2027-02-12\"/></RoomRates><BasicPropertyInfo HotelCode=\"44\"/>";

	@Test
	void aDtdWithAControlCharacterIsRefusedAsMalformed() {
		byte[] answer = "<!DOCTYPE r [\u0001]>".getBytes(StandardCharsets.UTF_8);

		assertThatExceptionOfType(MalformedOtaException.class).isThrownBy(() -> parser.parseOrFail(answer))
			.withMessageContaining("not well-formed XML");
	}

	@Test
	void aDecimalPlacesBeyondAnyScaleLeavesTheAmountUnknownInsteadOfRefusingTheDocument() throws Exception {
		OtaDocument document = parser
			.parse(reservation(NIGHT + "<Total AmountAfterTax=\"1E-5\" DecimalPlaces=\"2147483647\"/>"));

		OtaRoomStay room = document.reservations().get(0).roomStays().get(0);
		assertThat(room.total()).isNull();
	}

	@Test
	void guestCountsThatAddUpPastTheLargestIntegerDoNotTurnNegative() throws Exception {
		OtaDocument document = parser.parse(reservation(NIGHT + "<GuestCounts><GuestCount Count=\"2147483647\"/>"
				+ "<GuestCount Count=\"2147483647\"/></GuestCounts>"));

		OtaRoomStay room = document.reservations().get(0).roomStays().get(0);
		assertThat(room.adults()).isZero();
	}

	@Test
	void aBlankHotelCodeIsNoHotel() throws Exception {
		OtaDocument document = parser.parse(reservation("<RoomTypes><RoomType RoomTypeCode=\"77\"/></RoomTypes>"
				+ "<RoomRates><RoomRate EffectiveDate=\"2027-02-12\"/></RoomRates><BasicPropertyInfo HotelCode=\" \"/>"));

		OtaReservation reservation = document.reservations().get(0);
		assertThat(reservation.problem()).contains("names no hotel or room type");
		assertThat(reservation.roomStays()).isEmpty();
	}

}

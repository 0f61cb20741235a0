package io.staysync.channels.bookingcom;

import java.util.List;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import io.staysync.fuzz.FuzzInputs;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever Booking.com (or whoever answers in its place) sends, the OTA parser returns a
 * document or refuses it with {@link MalformedOtaException}, without reaching its last
 * resort; a reservation it reads as applicable has its id and, in every room, a hotel, a
 * room type, at least one night and no negative guests. See docs/testing.md.
 */
class OtaParserFuzzTests {

	private static final List<byte[]> ANSWERS = FuzzInputs.resources("/channels/bookingcom/new-two-rooms.xml",
			"/channels/bookingcom/modify-remove-room.xml", "/channels/bookingcom/new-virtual-card.xml",
			"/channels/bookingcom/new-amount-before-tax.xml", "/channels/bookingcom/cancel-without-room-stays.xml",
			"/channels/bookingcom/avail-partial-errors.xml", "/channels/bookingcom/entity-bomb.xml",
			"/channels/bookingcom/external-entity.xml");

	private static final List<String> XML = List.of(
			"<!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>", "&b;",
			"<!DOCTYPE r [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>", "&xxe;", "&#0;", "&#x110000;", "&lt;",
			"<![CDATA[", "]]>", "<!--", "-->", "<!-- RUID: [UmFuZG9tSVY=] -->", "<?pi x?>", "<a>", "</a>",
			"<HotelReservations>", "<HotelReservation>", "</HotelReservation>", "<HotelResModifies><HotelResModify>",
			"<RoomStay IndexNumber=\"\">", "</RoomStay>", "<RoomType RoomTypeCode=\" \"/>",
			"<BasicPropertyInfo HotelCode=\"\"/>", "<RoomRate EffectiveDate=\"9999-12-31\"/>",
			"<RoomRate EffectiveDate=\"+999999999-12-31\"/>", "<RoomRate EffectiveDate=\"2027-02-30\"/>",
			"<GuestCount Count=\"2147483647\"/>", "<GuestCount Count=\"-5\" AgeQualifyingCode=\"8\"/>",
			"<Total AmountAfterTax=\"1E999999999\" DecimalPlaces=\"-2147483648\" CurrencyCode=\"EUR\"/>",
			"<Total AmountAfterTax=\"37000\" DecimalPlaces=\"2147483647\"/>",
			"<Total AmountBeforeTax=\"-1\" DecimalPlaces=\"2\"/>",
			"<Rate><Total AmountAfterTax=\"1\" DecimalPlaces=\"0\"/></Rate>", "<HotelReservationID ResID_Value=\" \"/>",
			"<ResGuest ResGuestRPH=\"1\">", "</ResGuest>", "<GivenName>", "</GivenName>", "<Guarantee>", "</Guarantee>",
			"<Error Code=\"1\"/>", "<Error>", "</Error>", "<Warning>", "</Warning>", "xmlns:x=\"urn:x\"",
			"<x:RoomStay xmlns:x=\"urn:x\">");

	private final OtaParser parser = new OtaParser();

	@FuzzTest(maxDuration = "10s")
	void anyAnswerIsReadOrRefused(FuzzedDataProvider data) {
		byte[] answer = FuzzInputs.of(data, ANSWERS, XML, 256 * 1024);
		OtaDocument document;
		try {
			document = parser.parseOrFail(answer);
		}
		catch (MalformedOtaException refused) {
			assertThat(refused.getMessage()).isNotBlank();
			return;
		}
		for (OtaReservation reservation : document.reservations()) {
			if (reservation.problem() != null) {
				continue;
			}
			assertThat(reservation.resId()).isNotBlank();
			for (OtaRoomStay room : reservation.roomStays()) {
				assertThat(room.hotelCode()).isNotBlank();
				assertThat(room.roomTypeCode()).isNotBlank();
				assertThat(room.checkOut()).isAfter(room.checkIn());
				assertThat(room.adults()).isNotNegative();
				assertThat(room.children()).isNotNegative();
			}
		}
	}

}

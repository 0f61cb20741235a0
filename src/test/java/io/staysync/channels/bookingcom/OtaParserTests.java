package io.staysync.channels.bookingcom;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.staysync.bookings.BookingStatus;
import io.staysync.bookings.ChannelBooking;
import io.staysync.channels.ChannelCredentials;
import io.staysync.channels.ChannelListing;
import io.staysync.channels.ChannelMessage;
import io.staysync.channels.ChannelMode;
import io.staysync.channels.ChannelType;
import io.staysync.channels.UnmappedStay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The recorded Booking.com payloads of every shape, and hostile ones, read into channel
 * messages.
 */
class OtaParserTests {

	static final UUID INTEGRATION = UUID.fromString("00000000-0000-0000-0000-0000000000b1");

	static final UUID SEA_VIEW = UUID.fromString("00000000-0000-0000-0000-000000000001");

	static final UUID SINGLE = UUID.fromString("00000000-0000-0000-0000-000000000002");

	final OtaParser parser = new OtaParser();

	final OtaMessages messages = new OtaMessages(credentials());

	@Test
	void newReservationWithTwoRoomsBecomesOneBookingPerRoom() throws Exception {
		OtaDocument document = parser.parse(payload("new-two-rooms.xml"));

		assertThat(document.ruid()).isEqualTo("UmFuZG9tSVYkc2RlIyh9YcZ8qW5vZGF0YSBmb3IgdGVzdHM=");
		OtaReservation reservation = document.reservations().get(0);
		assertThat(reservation.resId()).isEqualTo("4105399781");
		assertThat(reservation.email()).isEqualTo("aferre.482913@guest.booking.com");
		assertThat(reservation.phone()).isEqualTo("+351 912 345 678");
		ChannelMessage message = messages.of(OtaQueue.NEW, reservation);
		assertThat(message.applicable()).isTrue();
		assertThat(message.messageId()).isEqualTo("new:4105399781");
		assertThat(message.bookings()).extracting(ChannelBooking::externalId)
			.containsExactly("4105399781-581", "4105399781-582");
		ChannelBooking sea = message.bookings().get(0);
		assertThat(sea.propertyId()).isEqualTo(SEA_VIEW);
		assertThat(sea.keyScope()).as("a room change at Booking.com updates the booking")
			.isEqualTo(io.staysync.bookings.KeyScope.CHANNEL);
		assertThat(sea.checkIn()).isEqualTo(LocalDate.parse("2027-02-12"));
		assertThat(sea.checkOut()).isEqualTo(LocalDate.parse("2027-02-15"));
		assertThat(sea.totalAmount()).isEqualByComparingTo(new BigDecimal("370.00"));
		assertThat(sea.currency()).isEqualTo("EUR");
		assertThat(sea.adults()).isEqualTo(2);
		assertThat(sea.children()).isEqualTo(1);
		assertThat(sea.guestName()).isEqualTo("Ana Ferreira");
		assertThat(sea.externalReference()).isEqualTo("4105399781");
		ChannelBooking single = message.bookings().get(1);
		assertThat(single.propertyId()).isEqualTo(SINGLE);
		assertThat(single.checkOut()).isEqualTo(LocalDate.parse("2027-02-14"));
		assertThat(single.guestName()).isEqualTo("Rui Costa");
		assertThat(single.totalAmount()).isEqualByComparingTo(new BigDecimal("160.00"));
	}

	@Test
	void amountBeforeTaxIsReadWhenAfterTaxIsAbsent() throws Exception {
		OtaReservation reservation = parser.parse(payload("new-amount-before-tax.xml")).reservations().get(0);

		assertThat(reservation.roomStays().get(0).total()).isEqualByComparingTo(new BigDecimal("99.50"));
		assertThat(reservation.roomStays().get(0).currency()).isEqualTo("USD");
		assertThat(reservation.roomStays().get(0).checkOut()).isEqualTo(LocalDate.parse("2027-03-02"));
		assertThat(reservation.phone()).as("an empty PhoneNumber is no phone").isNull();
	}

	@Test
	void aVirtualCardIsNeverRead() throws Exception {
		byte[] body = payload("new-virtual-card.xml");
		OtaDocument document = parser.parse(body);

		assertThat(document.toString()).doesNotContain("5555444433331111", "737", "0329");
		assertThat(messages.of(OtaQueue.NEW, document.reservations().get(0)).toString())
			.doesNotContain("5555444433331111");
		assertThat(document.reservations().get(0).roomStays()).hasSize(1);
		assertThat(document.reservations().get(0).bookerName()).isEqualTo("Marta Nowak");
	}

	@Test
	void theBookersEMailAndPhoneGoWithEveryRoomAndNothingOfTheCard() throws Exception {
		List<ChannelBooking> rooms = messages
			.of(OtaQueue.NEW, parser.parse(payload("new-two-rooms.xml")).reservations().get(0))
			.bookings();
		ChannelBooking card = messages
			.of(OtaQueue.NEW, parser.parse(payload("new-virtual-card.xml")).reservations().get(0))
			.bookings()
			.get(0);
		ChannelBooking noPhone = messages
			.of(OtaQueue.NEW, parser.parse(payload("new-amount-before-tax.xml")).reservations().get(0))
			.bookings()
			.get(0);

		assertThat(rooms).extracting(ChannelBooking::guestEmail)
			.containsExactly("aferre.482913@guest.booking.com", "aferre.482913@guest.booking.com");
		assertThat(rooms).extracting(ChannelBooking::guestPhone)
			.containsExactly("+351 912 345 678", "+351 912 345 678");
		assertThat(card.guestEmail()).isEqualTo("mnowak.9911@guest.booking.com");
		assertThat(card.guestPhone()).isNull();
		assertThat(card.toString()).doesNotContain("5555444433331111", "737", "0329");
		assertThat(noPhone.guestEmail()).isEqualTo("jlee.10022@guest.booking.com");
		assertThat(noPhone.guestPhone()).as("an empty PhoneNumber is no phone").isNull();
	}

	@Test
	void aModificationIsAFullOverlayOfItsReservation() throws Exception {
		OtaReservation reservation = parser.parse(payload("modify-remove-room.xml")).reservations().get(0);
		ChannelMessage message = messages.of(OtaQueue.MODIFIED, reservation);

		assertThat(message.messageId()).isEqualTo("modified:4105399781");
		assertThat(message.reservationKey()).isEqualTo("4105399781-");
		assertThat(message.bookings()).extracting(ChannelBooking::externalId).containsExactly("4105399781-581");
		assertThat(message.bookings().get(0).checkOut()).isEqualTo(LocalDate.parse("2027-02-16"));
	}

	@Test
	void aCancellationMayCarryNoRoomStays() throws Exception {
		OtaDocument document = parser.parse(payload("cancel-without-room-stays.xml"));
		ChannelMessage message = messages.of(OtaQueue.MODIFIED, document.reservations().get(0));

		assertThat(message.applicable()).isTrue();
		assertThat(message.bookings()).isEmpty();
		assertThat(message.reservationKey()).isEqualTo("4105399781-");
	}

	@Test
	void aNewReservationWithoutRoomStaysIsNotApplicable() throws Exception {
		OtaDocument document = parser.parse(payload("new-without-room-stays.xml"));
		ChannelMessage message = messages.of(OtaQueue.NEW, document.reservations().get(0));

		assertThat(message.applicable()).isFalse();
		assertThat(message.problem()).contains("4105401000", "lists no room");
	}

	@Test
	void anAmountWithoutDecimalPlacesIsLeftUnknownRatherThanGuessed() throws Exception {
		OtaRoomStay room = parser.parse(payload("amount-without-decimal-places.xml"))
			.reservations()
			.get(0)
			.roomStays()
			.get(0);

		assertThat(room.total()).isNull();
		assertThat(room.checkIn()).isEqualTo(LocalDate.parse("2027-05-01"));
	}

	@Test
	void anEmptyQueueIsNoReservation() throws Exception {
		OtaDocument document = parser.parse(payload("empty-new.xml"));

		assertThat(document.reservations()).isEmpty();
		assertThat(document.ruid()).isEqualTo("UmFuZG9tSVYkc2RlIyh9YemptyRUID0000005");
	}

	@Test
	void aRoomOfAnUnmappedHotelKeepsTheWholeReservationUnapplied() throws Exception {
		OtaMessages onlySeaView = new OtaMessages(
				new ChannelCredentials(INTEGRATION, ChannelType.BOOKING_COM, ChannelMode.API, "id", "secret", null,
						null, List.of(new ChannelListing("4410021-77120001", SEA_VIEW, null))));

		ChannelMessage message = onlySeaView.of(OtaQueue.NEW,
				parser.parse(payload("new-two-rooms.xml")).reservations().get(0));

		assertThat(message.applicable()).isFalse();
		assertThat(message.unmappedListings()).containsExactly("4410021-77120002");
		assertThat(message.unmappedStays()).as("what the manager is shown to map")
			.containsExactly(
					new UnmappedStay("4410021-77120002", LocalDate.of(2027, 2, 12), LocalDate.of(2027, 2, 14)));
		assertThat(message.bookings()).isEmpty();
	}

	@Test
	void partialAvailabilityErrorsAreReadWithTheirRecord() throws Exception {
		OtaDocument document = parser.parse(payload("avail-partial-errors.xml"));

		assertThat(document.errors()).singleElement().satisfies(error -> {
			assertThat(error.code()).isEqualTo("NOT_A_VALID_DATE");
			assertThat(error.recordId()).isEqualTo("2");
		});
	}

	@Test
	void truncatedXmlIsRefused() {
		assertThatExceptionOfType(MalformedOtaException.class).isThrownBy(() -> parser.parse(payload("truncated.xml")))
			.withMessageContaining("not well-formed");
	}

	@Test
	void anEntityExpansionBombIsRefusedWithoutExpanding() {
		long started = System.nanoTime();
		assertThatExceptionOfType(MalformedOtaException.class)
			.isThrownBy(() -> parser.parse(payload("entity-bomb.xml")));
		assertThat(System.nanoTime() - started).isLessThan(2_000_000_000L);
	}

	@Test
	void anExternalEntityIsNeverResolved() {
		assertThatExceptionOfType(MalformedOtaException.class)
			.isThrownBy(() -> parser.parse(payload("external-entity.xml")))
			.satisfies(refused -> assertThat(refused.getMessage()).doesNotContain("root:"));
	}

	@Test
	void garbageAndEmptyBodiesAreRefused() {
		assertThatExceptionOfType(MalformedOtaException.class)
			.isThrownBy(() -> parser.parse("<html><body>Bad gateway".getBytes(StandardCharsets.UTF_8)));
		assertThatExceptionOfType(MalformedOtaException.class).isThrownBy(() -> parser.parse(new byte[0]));
		assertThatExceptionOfType(MalformedOtaException.class)
			.isThrownBy(() -> parser.parse("not xml at all".getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	void unknownElementsAreSkipped() throws Exception {
		String body = new String(payload("new-amount-before-tax.xml"), StandardCharsets.UTF_8)
			.replace("<ResGlobalInfo>", "<Surprise Level=\"9\"><Nested>x</Nested></Surprise><ResGlobalInfo>");

		assertThat(parser.parse(body.getBytes(StandardCharsets.UTF_8)).reservations()).hasSize(1);
	}

	static ChannelCredentials credentials() {
		return new ChannelCredentials(INTEGRATION, ChannelType.BOOKING_COM, ChannelMode.API, "client-id",
				"client-secret", null, null, List.of(new ChannelListing("4410021-77120001", SEA_VIEW, null),
						new ChannelListing("4410021-77120002", SINGLE, null)));
	}

	static byte[] payload(String name) {
		try (InputStream in = OtaParserTests.class.getResourceAsStream("/channels/bookingcom/" + name)) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

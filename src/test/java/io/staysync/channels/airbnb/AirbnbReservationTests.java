package io.staysync.channels.airbnb;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.staysync.bookings.BookingStatus;

import static org.assertj.core.api.Assertions.assertThat;

/** Recorded reservations read into what Staysync applies. */
class AirbnbReservationTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void aRecordedReservationIsReadWithItsPayoutGuestsAndContact() {
		AirbnbReservation reservation = AirbnbReservation.read(fixture("reservation.json"));

		assertThat(reservation.problem()).isNull();
		assertThat(reservation.confirmationCode()).isEqualTo("HMXEPATDRY");
		assertThat(reservation.listingId()).isEqualTo("51234567");
		assertThat(reservation.status()).isEqualTo(BookingStatus.CONFIRMED);
		assertThat(reservation.checkIn()).isEqualTo(LocalDate.of(2031, 1, 1));
		assertThat(reservation.checkOut()).as("end_date is the check-out day").isEqualTo(LocalDate.of(2031, 1, 3));
		assertThat(reservation.total()).as("the payout, from the exact string").isEqualByComparingTo("1102.00");
		assertThat(reservation.total().scale()).isEqualTo(2);
		assertThat(reservation.currency()).isEqualTo("USD");
		assertThat(reservation.adults()).isEqualTo(2);
		assertThat(reservation.children()).isEqualTo(1);
		assertThat(reservation.guestName()).isEqualTo("Nick Yu");
		assertThat(reservation.guestEmail()).isEqualTo("nick-owme5321y975kcat@guest.airbnb.com");
		assertThat(reservation.guestPhone()).as("the first number").isEqualTo("555-555-5555");
	}

	@Test
	void missingOrNullMoneyIsNoAmountAndGuestsFallBackToTheirNumber() {
		AirbnbReservation reservation = AirbnbReservation.read(fixture("reservation-null-money.json"));

		assertThat(reservation.problem()).isNull();
		assertThat(reservation.status()).isEqualTo(BookingStatus.TENTATIVE);
		assertThat(reservation.listingId()).isEqualTo("51234567");
		assertThat(reservation.total()).isNull();
		assertThat(reservation.currency()).as("no currency without an amount").isNull();
		assertThat(reservation.adults()).isEqualTo(2);
		assertThat(reservation.children()).isNull();
		assertThat(reservation.guestName()).isEqualTo("Ana");
		assertThat(reservation.guestEmail()).isNull();
		assertThat(reservation.guestPhone()).isNull();
	}

	@Test
	void anUnknownStatusTypeIsAProblemNamingItNotAGuess() {
		AirbnbReservation reservation = AirbnbReservation.read(fixture("reservation-unknown-status.json"));

		assertThat(reservation.status()).isNull();
		assertThat(reservation.problem()).contains("HMUNKNOWN1", "awaiting_host_review", "rather than guessed");
	}

	@Test
	void moneyIsReadFromStringsOrNumbersAndNothingElse() {
		assertThat(AirbnbReservation.money(JSON.readTree("\"20.45\""))).isEqualByComparingTo(new BigDecimal("20.45"));
		assertThat(AirbnbReservation.money(JSON.readTree("20.45"))).isEqualByComparingTo(new BigDecimal("20.45"));
		assertThat(AirbnbReservation.money(JSON.readTree("\"twelve\""))).isNull();
		assertThat(AirbnbReservation.money(JSON.readTree("\"\""))).isNull();
		assertThat(AirbnbReservation.money(JSON.readTree("null"))).isNull();
		assertThat(AirbnbReservation.money(JSON.readTree("{\"amount\":1}"))).isNull();
	}

	@Test
	void aStayWithoutDatesOrEndingBeforeItStartsIsAProblem() {
		assertThat(AirbnbReservation.read(JSON.readTree(
				"{\"confirmation_code\":\"HMNODATES1\",\"status_type\":\"accept\",\"listing_id\":1,\"start_date\":\"2031-01-05\"}"))
			.problem()).contains("HMNODATES1", "no readable stay");
		assertThat(AirbnbReservation.read(JSON.readTree(
				"{\"confirmation_code\":\"HMBACKWARD\",\"status_type\":\"accept\",\"start_date\":\"2031-01-05\",\"end_date\":\"2031-01-05\"}"))
			.problem()).contains("HMBACKWARD");
		assertThat(AirbnbReservation.read(JSON.readTree("{\"status_type\":\"accept\"}")).problem())
			.contains("without a confirmation code");
	}

	static JsonNode fixture(String name) {
		return JSON.readTree(AirbnbStub.fixture(name));
	}

}

package io.staysync.bookings.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.staysync.bookings.BookingKind;
import io.staysync.bookings.BookingSource;
import io.staysync.bookings.BookingStatus;
import io.staysync.bookings.internal.NightGrid.Night;
import io.staysync.bookings.internal.NightGrid.NightState;
import io.staysync.properties.PropertyRef;

import static org.assertj.core.api.Assertions.assertThat;

class NightGridTests {

	static final LocalDate FROM = LocalDate.of(2027, 3, 1);

	final NightGrid grid = new NightGrid(new PropertyRef(UUID.randomUUID(), "Loft", ZoneId.of("Europe/Paris"),
			LocalTime.of(15, 0), LocalTime.NOON, 4), FROM, FROM.plusDays(10));

	@Test
	void checkOutDayIsFreeForTheNextGuestSameDayTurnover() {
		UUID first = paint(BookingKind.RESERVATION, BookingSource.AIRBNB, 1, 3);
		UUID second = paint(BookingKind.RESERVATION, BookingSource.BOOKING_COM, 3, 5);

		List<Night> nights = grid.nights();
		assertThat(nights).hasSize(10);
		assertThat(nights.get(0).state()).isEqualTo(NightState.FREE);
		assertThat(nights.get(1).bookingId()).isEqualTo(first);
		assertThat(nights.get(2).bookingId()).isEqualTo(first);
		assertThat(nights.get(3).bookingId()).isEqualTo(second);
		assertThat(nights.get(4).bookingId()).isEqualTo(second);
		assertThat(nights.get(5).state()).isEqualTo(NightState.FREE);
		assertThat(nights).noneMatch(night -> night.state() == NightState.CONFLICT);
	}

	@Test
	void twoReservationsOnOneNightAreAConflictOnThatNightOnly() {
		UUID first = paint(BookingKind.RESERVATION, BookingSource.AIRBNB, 2, 3);
		UUID second = paint(BookingKind.RESERVATION, BookingSource.MANUAL, 2, 4);

		List<Night> nights = grid.nights();
		assertThat(nights.get(2).state()).isEqualTo(NightState.CONFLICT);
		assertThat(nights.get(2).bookingIds()).containsExactly(first, second);
		assertThat(nights.get(3).state()).isEqualTo(NightState.BOOKED);
		assertThat(nights.get(3).bookingId()).isEqualTo(second);
		assertThat(nights.get(3).source()).isEqualTo(BookingSource.MANUAL);
	}

	@Test
	void aChannelBlockShowsOnlyWhereNothingElseIsAndNeverConflicts() {
		paint(BookingKind.BLOCK, BookingSource.AIRBNB, 0, 6);
		UUID reservation = paint(BookingKind.RESERVATION, BookingSource.BOOKING_COM, 2, 4);

		List<Night> nights = grid.nights();
		assertThat(nights.get(0).state()).isEqualTo(NightState.BLOCKED);
		assertThat(nights.get(0).source()).isEqualTo(BookingSource.AIRBNB);
		assertThat(nights.get(2).state()).isEqualTo(NightState.BOOKED);
		assertThat(nights.get(2).bookingId()).isEqualTo(reservation);
		assertThat(nights.get(5).state()).isEqualTo(NightState.BLOCKED);
		assertThat(nights.get(6).state()).isEqualTo(NightState.FREE);
	}

	@Test
	void aManualBlockHoldsItsNightsAndClashesWithAReservation() {
		paint(BookingKind.BLOCK, BookingSource.MANUAL, 4, 5);
		paint(BookingKind.RESERVATION, BookingSource.ICAL, 4, 5);

		assertThat(grid.nights().get(4).state()).isEqualTo(NightState.CONFLICT);
	}

	@Test
	void staysReachingOutsideTheRangeAreClipped() {
		paint(BookingKind.RESERVATION, BookingSource.AIRBNB, -5, 1);
		paint(BookingKind.RESERVATION, BookingSource.AIRBNB, 9, 30);

		List<Night> nights = grid.nights();
		assertThat(nights.get(0).state()).isEqualTo(NightState.BOOKED);
		assertThat(nights.get(1).state()).isEqualTo(NightState.FREE);
		assertThat(nights.get(9).state()).isEqualTo(NightState.BOOKED);
		assertThat(nights.get(0).date()).isEqualTo(FROM);
		assertThat(nights.get(9).date()).isEqualTo(FROM.plusDays(9));
	}

	@Test
	void aTentativeBookingTakesItsNightsDistinctlyAndNeverClashes() {
		UUID tentative = paint(BookingKind.RESERVATION, BookingSource.AIRBNB, BookingStatus.TENTATIVE, 1, 5);
		UUID confirmed = paint(BookingKind.RESERVATION, BookingSource.BOOKING_COM, 3, 4);
		paint(BookingKind.BLOCK, BookingSource.BOOKING_COM, 0, 7);
		paint(BookingKind.RESERVATION, BookingSource.MANUAL, BookingStatus.CANCELLED, 6, 8);

		List<Night> nights = grid.nights();
		assertThat(nights.get(0).state()).as("the channel's block shows where nothing else is")
			.isEqualTo(NightState.BLOCKED);
		assertThat(nights.get(1).state()).isEqualTo(NightState.TENTATIVE);
		assertThat(nights.get(1).bookingId()).isEqualTo(tentative);
		assertThat(nights.get(1).source()).isEqualTo(BookingSource.AIRBNB);
		assertThat(nights.get(3).state()).as("a confirmed booking wins, no conflict").isEqualTo(NightState.BOOKED);
		assertThat(nights.get(3).bookingId()).isEqualTo(confirmed);
		assertThat(nights.get(4).state()).isEqualTo(NightState.TENTATIVE);
		assertThat(nights.get(6).state()).isEqualTo(NightState.BLOCKED);
		assertThat(nights.get(7).state()).as("a cancelled booking holds nothing").isEqualTo(NightState.FREE);
		assertThat(nights).noneMatch(night -> night.state() == NightState.CONFLICT);
	}

	private UUID paint(BookingKind kind, BookingSource source, int checkIn, int checkOut) {
		return paint(kind, source, BookingStatus.CONFIRMED, checkIn, checkOut);
	}

	private UUID paint(BookingKind kind, BookingSource source, BookingStatus status, int checkIn, int checkOut) {
		UUID id = UUID.randomUUID();
		grid.paint(id, kind, source, status, FROM.plusDays(checkIn), FROM.plusDays(checkOut));
		return id;
	}

}

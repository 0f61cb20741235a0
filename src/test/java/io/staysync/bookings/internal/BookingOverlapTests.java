package io.staysync.bookings.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.staysync.bookings.BookingKind;
import io.staysync.bookings.BookingSource;
import io.staysync.bookings.BookingStatus;
import io.staysync.bookings.ChannelBooking;

import static org.assertj.core.api.Assertions.assertThat;

class BookingOverlapTests {

	static final LocalDate D = LocalDate.of(2027, 5, 1);

	@Test
	void staysOverlapOnlyWhenTheyShareANight() {
		Booking stay = reservation(D, D.plusDays(3));

		assertThat(stay.overlaps(D.plusDays(3), D.plusDays(5))).as("arrival on departure day").isFalse();
		assertThat(stay.overlaps(D.minusDays(2), D)).as("departure on arrival day").isFalse();
		assertThat(stay.overlaps(D.plusDays(2), D.plusDays(3))).as("one-night stay on the last night").isTrue();
		assertThat(stay.overlaps(D, D.plusDays(1))).as("one-night stay on the first night").isTrue();
		assertThat(stay.overlaps(D.minusDays(1), D.plusDays(4))).as("enclosing stay").isTrue();
	}

	@Test
	void onlyConfirmedReservationsAndManualBlocksHoldNightsExclusively() {
		Booking reservation = reservation(D, D.plusDays(1));
		assertThat(reservation.holdsNightsExclusively()).isTrue();

		reservation.cancel(Instant.now());
		assertThat(reservation.holdsNightsExclusively()).as("cancelled").isFalse();

		Booking channelBlock = Booking
			.imported(new ChannelBooking(UUID.randomUUID(), BookingSource.AIRBNB, "uid-1", "listing", UUID.randomUUID(),
					BookingKind.BLOCK, BookingStatus.CONFIRMED, D, D.plusDays(2), null, null, null, null, null, null),
					Instant.now());
		assertThat(channelBlock.holdsNightsExclusively()).isFalse();

		Booking manualBlock = Booking.manual(new ManualBooking(UUID.randomUUID(), BookingKind.BLOCK, D, D.plusDays(2),
				null, null, null, null, null, "owner stay"), Instant.now());
		assertThat(manualBlock.holdsNightsExclusively()).isTrue();
	}

	@Test
	void applyingTheSameChannelStateTwiceChangesNothing() {
		ChannelBooking record = new ChannelBooking(UUID.randomUUID(), BookingSource.BOOKING_COM, "4711", "room-1",
				UUID.randomUUID(), BookingKind.RESERVATION, BookingStatus.CONFIRMED, D, D.plusDays(2), "Ana", 2, 0,
				new java.math.BigDecimal("120.50"), "EUR", null);
		Booking booking = Booking.imported(record, Instant.now());

		assertThat(booking.applyChannelState(record, Instant.now())).isEmpty();
		ChannelBooking sameAmountOtherScale = new ChannelBooking(record.integrationId(), record.source(),
				record.externalId(), record.externalListingId(), record.propertyId(), record.kind(), record.status(),
				record.checkIn(), record.checkOut(), record.guestName(), record.adults(), record.children(),
				new java.math.BigDecimal("120.5000"), "EUR", null);
		assertThat(booking.applyChannelState(sameAmountOtherScale, Instant.now())).isEmpty();
	}

	private static Booking reservation(LocalDate checkIn, LocalDate checkOut) {
		return Booking.manual(new ManualBooking(UUID.randomUUID(), BookingKind.RESERVATION, checkIn, checkOut, "Guest",
				2, 0, null, null, null), Instant.now());
	}

}

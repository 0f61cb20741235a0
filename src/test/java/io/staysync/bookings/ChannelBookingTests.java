package io.staysync.bookings;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a channel's record keeps of texts longer than a booking stores. */
class ChannelBookingTests {

	private static final LocalDate D = LocalDate.of(2031, 5, 1);

	@Test
	void aLongGuestNameIsCutWithAnEllipsisNeverInsideACharacter() {
		String name = "x".repeat(ChannelBooking.MAX_GUEST_NAME - 2) + "\uD83D\uDE00" + "tail";

		String kept = record(name, null).guestName();

		assertThat(kept).hasSize(ChannelBooking.MAX_GUEST_NAME - 1)
			.isEqualTo("x".repeat(ChannelBooking.MAX_GUEST_NAME - 2) + "…");
		assertThat(record("Ana Lima", null).guestName()).isEqualTo("Ana Lima");
		assertThat(record(null, null).guestName()).isNull();
	}

	@Test
	void aLongChannelReferenceIsCutToWhatIsStored() {
		assertThat(record("Ana", "R".repeat(300)).externalReference())
			.isEqualTo("R".repeat(ChannelBooking.MAX_EXTERNAL_REFERENCE));
	}

	private static ChannelBooking record(String guestName, String reference) {
		return new ChannelBooking(UUID.randomUUID(), BookingSource.AIRBNB, "HM1", "L1", UUID.randomUUID(),
				BookingKind.RESERVATION, BookingStatus.CONFIRMED, D, D.plusDays(2), guestName, 2, 0, null, null, null,
				reference);
	}

}

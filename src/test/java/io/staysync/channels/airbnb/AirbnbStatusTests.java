package io.staysync.channels.airbnb;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.staysync.bookings.BookingStatus;

import static org.assertj.core.api.Assertions.assertThat;

class AirbnbStatusTests {

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(nullValues = "none",
			value = { "accept, CONFIRMED", "cancelled_by_admin, CANCELLED", "cancelled_by_host, CANCELLED",
					"cancelled_by_guest, CANCELLED", "deny, CANCELLED", "timeout, CANCELLED",
					"pending_voided, CANCELLED", "checkpoint_voided, CANCELLED", "pending, TENTATIVE", "new, TENTATIVE",
					"pending_payment, TENTATIVE", "at_checkpoint, TENTATIVE", "accepted, none", "cancelled, none",
					"ACCEPT, none", "'', none", "none, none" })
	void everyKnownStatusTypeHasItsBookingStatusAndAnUnknownOneNone(String statusType, BookingStatus expected) {
		assertThat(AirbnbStatus.of(statusType)).isEqualTo(java.util.Optional.ofNullable(expected));
	}

}

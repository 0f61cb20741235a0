package io.staysync.bookings;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;

import io.staysync.test.TestProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bookings module on its own (with the modules it depends on): what it publishes when
 * a channel reports a booking, an overlapping one, and a cancellation. These events are
 * the module's promise to the sync engine (availability pushes) and to outbound webhooks.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
@ActiveProfiles("test")
class BookingModuleIntegrationTests {

	static final LocalDate ARRIVAL = LocalDate.of(2027, 9, 6);

	@Autowired
	BookingImport imports;

	@Autowired
	JdbcClient jdbc;

	UUID property;

	final UUID integration = UUID.randomUUID();

	@BeforeEach
	void aProperty() {
		property = TestProperties.insert(jdbc, "Module flat", "Europe/Lisbon");
	}

	@Test
	void anImportedReservationIsPublishedWithItsStay(Scenario scenario) {
		scenario.stimulate(() -> imports.apply(reservation("HMMOD00001", ARRIVAL, ARRIVAL.plusDays(3))))
			.andWaitAtMost(Duration.ofSeconds(10))
			.andWaitForEventOfType(BookingCreated.class)
			.matching(created -> created.booking().propertyId().equals(property))
			.toArriveAndVerify(created -> {
				BookingChange booking = created.booking();
				assertThat(booking.source()).isEqualTo(BookingSource.AIRBNB);
				assertThat(booking.integrationId()).isEqualTo(integration);
				assertThat(booking.checkIn()).isEqualTo(ARRIVAL);
				assertThat(booking.checkOut()).isEqualTo(ARRIVAL.plusDays(3));
			});
	}

	@Test
	void anOverlappingImportIsStoredAndPublishedAsAConflict(Scenario scenario) {
		UUID first = imports.apply(reservation("HMMOD00002", ARRIVAL, ARRIVAL.plusDays(3))).bookingId();

		scenario.stimulate(() -> imports.apply(reservation("HMMOD00003", ARRIVAL.plusDays(2), ARRIVAL.plusDays(5))))
			.andWaitAtMost(Duration.ofSeconds(10))
			.andWaitForEventOfType(ConflictDetected.class)
			.matching(conflict -> conflict.propertyId().equals(property))
			.toArriveAndVerify((conflict, outcome) -> {
				assertThat(outcome.result()).isEqualTo(ImportOutcome.Result.CREATED);
				assertThat(conflict.bookingId()).isEqualTo(outcome.bookingId());
				assertThat(conflict.otherBookingId()).isEqualTo(first);
			});
	}

	@Test
	void aCancellationIsPublishedWithTheNightsItReopens(Scenario scenario) {
		imports.apply(reservation("HMMOD00004", ARRIVAL, ARRIVAL.plusDays(3)));
		ChannelBooking booking = reservation("HMMOD00005", ARRIVAL.plusDays(1), ARRIVAL.plusDays(4));
		UUID id = imports.apply(booking).bookingId();

		scenario.stimulate(() -> imports.apply(cancelled(booking)))
			.andWaitAtMost(Duration.ofSeconds(10))
			.andWaitForEventOfType(BookingCancelled.class)
			.matching(cancelled -> cancelled.booking().bookingId().equals(id))
			.toArriveAndVerify(cancelled -> {
				assertThat(cancelled.booking().checkIn()).isEqualTo(ARRIVAL.plusDays(1));
				assertThat(cancelled.booking().checkOut()).isEqualTo(ARRIVAL.plusDays(4));
			});
	}

	@Test
	void aCancellationResolvesTheConflictItWasPartOf(Scenario scenario) {
		imports.apply(reservation("HMMOD00006", ARRIVAL, ARRIVAL.plusDays(3)));
		ChannelBooking booking = reservation("HMMOD00007", ARRIVAL.plusDays(1), ARRIVAL.plusDays(4));
		imports.apply(booking);

		scenario.stimulate(() -> imports.apply(cancelled(booking)))
			.andWaitAtMost(Duration.ofSeconds(10))
			.andWaitForEventOfType(ConflictResolved.class)
			.matching(resolved -> resolved.propertyId().equals(property))
			.toArriveAndVerify(resolved -> assertThat(
					jdbc.sql("select count(*) from booking_conflicts where property_id = :p and resolved_at is null")
						.param("p", property)
						.query(Long.class)
						.single())
				.isZero());
	}

	private ChannelBooking reservation(String code, LocalDate checkIn, LocalDate checkOut) {
		return new ChannelBooking(integration, BookingSource.AIRBNB, code, "listing-1", property,
				BookingKind.RESERVATION, BookingStatus.CONFIRMED, checkIn, checkOut, "Guest " + code, 2, 0,
				new BigDecimal("300.00"), "EUR", null);
	}

	private static ChannelBooking cancelled(ChannelBooking booking) {
		return new ChannelBooking(booking.integrationId(), booking.source(), booking.externalId(),
				booking.externalListingId(), booking.propertyId(), booking.kind(), BookingStatus.CANCELLED,
				booking.checkIn(), booking.checkOut(), booking.guestName(), booking.adults(), booking.children(),
				booking.totalAmount(), booking.currency(), null);
	}

}

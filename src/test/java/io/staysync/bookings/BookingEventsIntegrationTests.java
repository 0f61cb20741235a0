package io.staysync.bookings;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import io.staysync.test.ApiIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Booking events go through the event publication registry: a module listener (as the
 * sync engine and outbound webhooks will be) receives them after commit, and each
 * publication is stored, serialised, and marked completed.
 */
@Import(BookingEventsIntegrationTests.Consumer.class)
class BookingEventsIntegrationTests extends ApiIntegrationTest {

	@Autowired
	BookingImport imports;

	@Test
	void createdUpdatedCancelledAndConflictEventsReachModuleListenersThroughTheRegistry() throws Exception {
		UUID property = UUID.fromString(createProperty("Evented", "Australia/Lord_Howe", 2));
		LocalDate d = LocalDate.of(2027, 10, 3);
		String manual = createBooking(property.toString(), d.toString(), d.plusDays(2).toString(), false);
		ChannelBooking record = new ChannelBooking(UUID.randomUUID(), BookingSource.BOOKING_COM, "BDC-EV", "room",
				property, BookingKind.RESERVATION, BookingStatus.CONFIRMED, d.plusDays(1), d.plusDays(3), "Guest", 2, 0,
				new BigDecimal("99.90"), "AUD", null);
		UUID imported = imports.apply(record).bookingId();
		imports.apply(new ChannelBooking(record.integrationId(), record.source(), record.externalId(),
				record.externalListingId(), property, record.kind(), record.status(), d.plusDays(2), d.plusDays(3),
				"Guest", 2, 0, record.totalAmount(), record.currency(), null));
		mvc.perform(asAdmin(post("/api/bookings/" + manual + "/cancel"))).andExpect(status().isOk());

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(Consumer.received).filteredOn(BookingCreated.class::isInstance)
				.extracting(event -> ((BookingCreated) event).booking().bookingId())
				.contains(UUID.fromString(manual), imported);
			assertThat(Consumer.received).filteredOn(BookingUpdated.class::isInstance)
				.extracting(event -> ((BookingUpdated) event).previousCheckIn())
				.contains(d.plusDays(1));
			assertThat(Consumer.received).filteredOn(BookingCancelled.class::isInstance)
				.extracting(event -> ((BookingCancelled) event).booking().bookingId())
				.contains(UUID.fromString(manual));
			assertThat(Consumer.received).filteredOn(ConflictDetected.class::isInstance)
				.extracting(event -> ((ConflictDetected) event).propertyId())
				.contains(property);
		});
		await().atMost(Duration.ofSeconds(10))
			.until(() -> jdbc
				.sql("select count(*) from event_publication where completion_date is not null"
						+ " and serialized_event like :b")
				.param("b", "%" + imported + "%")
				.query(Long.class)
				.single() >= 2);
	}

	@Component
	static class Consumer {

		static final List<Object> received = new CopyOnWriteArrayList<>();

		@ApplicationModuleListener
		void on(BookingCreated event) {
			received.add(event);
		}

		@ApplicationModuleListener
		void on(BookingUpdated event) {
			received.add(event);
		}

		@ApplicationModuleListener
		void on(BookingCancelled event) {
			received.add(event);
		}

		@ApplicationModuleListener
		void on(ConflictDetected event) {
			received.add(event);
		}

	}

}

package io.staysync.channels.bookingcom;

import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.TestPropertySource;

import io.staysync.channels.sandbox.bookingcom.BookingComSandbox;
import io.staysync.channels.sandbox.bookingcom.BookingComSandbox.AvailabilityUpdate;
import io.staysync.test.ApiIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Availability out to Booking.com in API mode: a booking made in Staysync goes through
 * the outbox and the real connector to the sandbox as {@code OTA_HotelAvailNotif}, and a
 * refused push stays in the outbox with Booking.com's reason, to be retried.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestPropertySource(
		properties = { "staysync.http.allow-private-addresses=true", "staysync.sandbox.booking-com.enabled=true",
				"staysync.channels.booking-com.sandbox=true", "staysync.scheduler.polling-interval=1s",
				"staysync.availability.debounce=1s", "staysync.availability.drain-interval=500ms",
				"staysync.availability.retry-base=200ms", "staysync.availability.max-attempts=3" })
class BookingComAvailabilityIntegrationTests extends ApiIntegrationTest {

	static final LocalDate SOON = LocalDate.now().plusDays(20);

	@Autowired
	BookingComSandbox sandbox;

	String property;

	@BeforeEach
	void bookingComInApiMode() throws Exception {
		resetChannels();
		sandbox.reset();
		property = createProperty("Pushed Chalet " + System.nanoTime(), "Europe/Zurich", 4);
		mvc.perform(json(asAdmin(post("/api/integrations/booking_com/configure")),
				"{\"mode\":\"api\",\"apiKey\":\"machine-account\",\"apiSecret\":\"sandbox-secret\"}"))
			.andExpect(status().isOk());
	}

	@Test
	void aBookingClosesItsNightsOnTheMappedRoomTypeAndItsCancellationOpensThem() throws Exception {
		map("4410021-77120001");

		String booking = createBooking(property, SOON.toString(), SOON.plusDays(3).toString(), false);

		await().atMost(Duration.ofSeconds(20))
			.until(() -> !sandbox.availabilityUpdates().isEmpty() && count("availability_pushes") == 0);
		assertThat(sandbox.availabilityUpdates())
			.containsExactly(new AvailabilityUpdate("4410021", "77120001", SOON, SOON.plusDays(2), true));

		mvc.perform(asAdmin(post("/api/bookings/" + booking + "/cancel"))).andExpect(status().is2xxSuccessful());

		await().atMost(Duration.ofSeconds(20)).until(() -> sandbox.availabilityUpdates().size() == 2);
		assertThat(sandbox.availabilityUpdates().get(1))
			.isEqualTo(new AvailabilityUpdate("4410021", "77120001", SOON, SOON.plusDays(2), false));
	}

	@Test
	void aRefusedPushStaysInTheOutboxWithBookingComsReason() throws Exception {
		map("4410021-99999999");

		createBooking(property, SOON.toString(), SOON.plusDays(2).toString(), false);

		await().atMost(Duration.ofSeconds(20))
			.until(() -> count("availability_pushes where attempts >= 1 and last_error like '%HTTP 400%'") == 1);
		assertThat(sandbox.availabilityUpdates()).isEmpty();
	}

	void map(String listing) throws Exception {
		mvc.perform(json(asAdmin(put("/api/integrations/booking_com/mappings")),
				"[{\"externalListingId\":\"%s\",\"propertyId\":\"%s\"}]".formatted(listing, property)))
			.andExpect(status().isOk());
	}

}

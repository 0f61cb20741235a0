package io.staysync.channels.bookingcom;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.TestPropertySource;

import com.jayway.jsonpath.JsonPath;

import io.staysync.test.ApiIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Demo mode with a real server: Booking.com starts in API mode against this instance's
 * sandbox, where guests keep booking, and a sync brings their reservations in.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = { "staysync.demo.enabled=true", "staysync.sandbox.booking-com.trickle-every=1s",
		"staysync.scheduler.enabled=false" })
class BookingComDemoIntegrationTests extends ApiIntegrationTest {

	@Test
	void bookingComStartsInApiModeAgainstTheSandboxAndItsReservationsTrickleIn() throws Exception {
		await().atMost(Duration.ofSeconds(30)).until(() -> count("integrations where type = 'booking_com'") == 1);
		mvc.perform(asAdmin(get("/api/integrations/booking_com"))).andExpect(jsonPath("$.mode").value("api"));
		mvc.perform(asAdmin(post("/api/integrations/booking_com/test"))).andExpect(jsonPath("$.ok").value(true));

		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			String run = JsonPath.read(mvc.perform(asAdmin(post("/api/integrations/booking_com/sync")))
				.andExpect(status().isAccepted())
				.andReturn()
				.getResponse()
				.getContentAsString(), "$.id");
			await().atMost(Duration.ofSeconds(20))
				.until(() -> count("sync_runs where status <> 'running' and cast(id as varchar) = '" + run + "'") == 1);
			assertThat(count("bookings where source = 'BOOKING_COM'")).isPositive();
		});
		assertThat(jdbc.sql("""
				select p.name from bookings b join properties p on p.id = b.property_id
				where b.source = 'BOOKING_COM'""").query(String.class).list()).containsOnly("Alpine Chalet");
	}

}

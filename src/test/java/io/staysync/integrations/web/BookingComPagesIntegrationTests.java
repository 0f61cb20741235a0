package io.staysync.integrations.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.staysync.channels.sandbox.bookingcom.BookingComSandbox;
import io.staysync.channels.sandbox.bookingcom.SandboxReservation;
import io.staysync.channels.sandbox.bookingcom.SandboxReservation.Room;
import io.staysync.test.ConsoleIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Booking.com in API mode as the console shows it: the card says how it is pulled, a
 * reservation for a room nobody mapped is listed on the card and counted on the dashboard
 * with what to map, its "Map" action opens the mapping dialog with that room filled in,
 * the next pull after mapping applies and acknowledges it and the line goes, and each
 * run's page names the RUIDs of its requests.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = { "staysync.http.allow-private-addresses=true",
		"staysync.sandbox.booking-com.enabled=true", "staysync.channels.booking-com.sandbox=true",
		"staysync.channels.booking-com.pause-after-acknowledgement=0s", "staysync.scheduler.enabled=false" })
class BookingComPagesIntegrationTests extends ConsoleIntegrationTest {

	static final String DOUBLE = "4410021-77120001";

	static final String SUITE = "4410021-77120002";

	static final LocalDate SOON = LocalDate.now().plusDays(30);

	@Autowired
	BookingComSandbox sandbox;

	MockHttpSession admin;

	String loft;

	String suite;

	@BeforeEach
	void connected() throws Exception {
		resetChannels();
		sandbox.reset();
		admin = admin();
		loft = createProperty("Pages Loft " + System.nanoTime(), "Europe/Amsterdam", 4);
		suite = createProperty("Pages Suite " + System.nanoTime(), "Europe/Amsterdam", 4);
		mvc.perform(json(asAdmin(post("/api/integrations/booking_com/configure")),
				"{\"mode\":\"api\",\"apiKey\":\"machine-account\",\"apiSecret\":\"sandbox-secret\",\"isActive\":true}"))
			.andExpect(status().isOk());
		mvc.perform(json(asAdmin(put("/api/integrations/booking_com/mappings")),
				"[{\"externalListingId\":\"%s\",\"propertyId\":\"%s\"}]".formatted(DOUBLE, loft)))
			.andExpect(status().isOk());
	}

	@Test
	void aReservationForAnUnmappedRoomIsListedWithWhatToMapUntilItIsMappedAndApplied() throws Exception {
		assertThat(page(admin, "/integrations")).contains("Partner API",
				"hx-get=\"/integrations/booking_com/waiting\"");
		assertThat(page(admin, "/integrations/booking_com/waiting"))
			.contains("Reservations are pulled every 30 s and acknowledged to Booking.com only once stored.")
			.doesNotContain("waiting-reservation");
		sandbox.queueNew(new SandboxReservation("8701", "4410021", List.of(new Room(1, "77120002", SOON, 3, 2, 9000)),
				"Ana", "Silva"));

		String waitingRun = sync("partial");

		String panel = page(admin, "/integrations/booking_com/waiting");
		DateTimeFormatter day = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
		assertThat(panel).contains("1 reservation waits for a mapping", "data-listing=\"" + SUITE + "\"",
				"data-reservation=\"8701\"", day.format(SOON) + " → " + day.format(SOON.plusDays(3)),
				"hx-get=\"/integrations/booking_com/mapping?listing=" + SUITE + "\"");
		assertThat(page(admin, "/integrations/attention")).contains("data-kind=\"waiting\"",
				"Booking.com: 1 reservation waits for a mapping", SUITE + " (reservation 8701)");
		assertThat(page(as("VIEWER"), "/integrations/booking_com/waiting")).contains("data-reservation=\"8701\"")
			.doesNotContain("map-waiting");
		assertThat(sandbox.state(true, "8701")).isEqualTo("DELIVERED");

		// The run's page names the RUIDs of its requests, as stored with each listing.
		String ruids = jdbc
			.sql("select channel_request_ids from sync_run_listings where sync_run_id = :r"
					+ " and external_listing_id = :l")
			.param("r", java.util.UUID.fromString(waitingRun))
			.param("l", SUITE)
			.query(String.class)
			.single();
		assertThat(ruids).isNotBlank();
		String runPage = page(admin, "/syncs/" + waitingRun);
		assertThat(runPage).contains("Booking.com request ids (RUIDs)", "data-listing=\"" + SUITE + "\"",
				"Reservation 8701 includes a room");
		for (String ruid : ruids.split(" ")) {
			assertThat(runPage)
				.contains("<code class=\"d-block user-select-all text-break request-id\">" + ruid + "</code>");
		}
		assertThat(page(admin, "/integrations/booking_com/runs")).contains("href=\"/syncs/" + waitingRun + "\"");

		// "Map" opens the mapping dialog with the room as a new row, the stored ones
		// kept.
		String dialog = page(admin, "/integrations/booking_com/mapping?listing=" + SUITE);
		assertThat(dialog).contains("value=\"" + DOUBLE + "\"", "value=\"" + SUITE + "\"", "table-warning to-map");
		assertThat(page(admin, "/integrations/booking_com/mapping?listing=" + DOUBLE)).doesNotContain("to-map");

		String mapped = body(
				htmx(form("/integrations/booking_com/mapping", admin)).param("rows[0].externalListingId", DOUBLE)
					.param("rows[0].propertyId", loft)
					.param("rows[1].externalListingId", SUITE)
					.param("rows[1].propertyId", suite));
		assertThat(mapped).contains("Mapping saved: 2 listings.");
		assertThat(page(admin, "/integrations/booking_com/waiting")).as("mapped, so no longer waiting for a mapping")
			.doesNotContain("data-reservation=\"8701\"");

		sync("success");

		assertThat(jdbc.sql("select status from bookings where external_id = '8701-1'").query(String.class).single())
			.isEqualTo("CONFIRMED");
		assertThat(sandbox.state(true, "8701")).isEqualTo("ACKNOWLEDGED");
		assertThat(count("waiting_reservations")).isZero();
		assertThat(page(admin, "/integrations/attention")).doesNotContain("data-kind=\"waiting\"");
	}

	@Test
	void aRunPageOfAnUnknownRunIsNotFound() throws Exception {
		mvc.perform(get("/syncs/00000000-0000-0000-0000-000000000042").session(admin)).andExpect(status().isNotFound());
	}

	/** A "Sync now" from the console, followed until it ends as expected. */
	private String sync(String expected) throws Exception {
		String progress = body(htmx(form("/integrations/booking_com/sync", admin)));
		Matcher run = Pattern.compile("id=\"run-([0-9a-f-]{36})\"").matcher(progress);
		assertThat(run.find()).isTrue();
		await().atMost(Duration.ofSeconds(60))
			.until(() -> !body(get("/syncs/" + run.group(1) + "/progress").session(admin).header("HX-Request", "true"))
				.contains("data-status=\"running\""));
		assertThat(body(get("/syncs/" + run.group(1) + "/progress").session(admin).header("HX-Request", "true")))
			.contains("data-status=\"" + expected + "\"");
		return run.group(1);
	}

	private String body(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request)
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

}

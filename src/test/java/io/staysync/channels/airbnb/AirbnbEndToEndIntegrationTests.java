package io.staysync.channels.airbnb;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import com.jayway.jsonpath.JsonPath;

import io.staysync.channels.sandbox.airbnb.AirbnbSandbox;
import io.staysync.channels.sandbox.airbnb.SandboxReservation;
import io.staysync.channels.sandbox.bookingcom.BookingComSandbox;
import io.staysync.test.AirbnbSandboxConsent;
import io.staysync.test.ConsoleIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The whole path of an Airbnb reservation, with both channels played by this instance's
 * sandboxes over real HTTP: one property is on Airbnb (API mode, connected through the
 * OAuth consent of the Airbnb sandbox), on Booking.com (API mode) and on another calendar
 * by iCal. A reservation made on Airbnb is notified by the sandbox itself to the webhook
 * route, re-read through the real connector, and appears in Staysync; its nights close on
 * Booking.com through the availability outbox and in every export feed; its cancellation
 * on Airbnb reopens them everywhere. Everything is awaited: nothing here depends on how
 * fast a run or a push is.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = { "staysync.http.allow-private-addresses=true", "staysync.sandbox.airbnb.enabled=true",
		"staysync.channels.airbnb.sandbox=true", "staysync.sandbox.booking-com.enabled=true",
		"staysync.channels.booking-com.sandbox=true", "staysync.integrations.public-url=",
		"staysync.scheduler.polling-interval=1s", "staysync.availability.debounce=1s",
		"staysync.availability.drain-interval=500ms", "staysync.availability.retry-base=200ms" })
class AirbnbEndToEndIntegrationTests extends ConsoleIntegrationTest {

	static final long AIRBNB_LISTING = 51234567L;

	static final String HOTEL = "4410021";

	static final String ROOM_TYPE = "77120001";

	static final LocalDate ARRIVAL = LocalDate.now().plusDays(45);

	static final LocalDate DEPARTURE = ARRIVAL.plusDays(3);

	static final Duration PATIENCE = Duration.ofSeconds(60);

	static final DateTimeFormatter ICAL_DATE = DateTimeFormatter.BASIC_ISO_DATE;

	@LocalServerPort
	int port;

	@Autowired
	AirbnbSandbox airbnb;

	@Autowired
	BookingComSandbox bookingCom;

	String property;

	/** Each channel's export feed of the property, by channel. */
	final Map<String, String> feeds = new LinkedHashMap<>();

	@BeforeEach
	void onePropertyOnThreeChannels() throws Exception {
		resetChannels();
		airbnb.reset();
		bookingCom.reset();
		property = createProperty("Harbour Loft " + System.nanoTime(), "Europe/Lisbon", 4);

		// Airbnb in API mode; its reconciliation is kept out of the way (once a day), so
		// what appears comes from the notification.
		mvc.perform(json(asAdmin(post("/api/integrations/airbnb/configure")),
				"{\"mode\":\"api\",\"apiKey\":\"staysync-e2e-client\",\"apiSecret\":\"sandbox-secret\","
						+ "\"settings\":{\"syncIntervalMinutes\":1440}}"))
			.andExpect(status().isOk());
		connectAirbnbThroughTheSandboxsConsent();
		feeds.put("airbnb", map("airbnb", String.valueOf(AIRBNB_LISTING), null));

		mvc.perform(json(asAdmin(post("/api/integrations/booking_com/configure")),
				"{\"mode\":\"api\",\"apiKey\":\"machine-account\",\"apiSecret\":\"sandbox-secret\"}"))
			.andExpect(status().isOk());
		feeds.put("booking_com", map("booking_com", HOTEL + "-" + ROOM_TYPE, null));

		// A calendar connected by iCal only reads Staysync's export feed; it is not
		// imported from here (inactive), so its import URL is never fetched.
		mvc.perform(json(asAdmin(post("/api/integrations/ical/configure")), "{\"mode\":\"ical\",\"isActive\":false}"))
			.andExpect(status().isOk());
		feeds.put("ical", map("ical", "vrbo-2231", "https://www.vrbo.com/icalendar/2231.ics"));
	}

	@Test
	void aReservationOnAirbnbClosesItsNightsEverywhereAndItsCancellationReopensThem() throws Exception {
		SandboxReservation booked = airbnb
			.book(SandboxReservation.accepted("HME2EBOOK1", AIRBNB_LISTING, ARRIVAL, DEPARTURE));

		assertThat(airbnb.notifications()).singleElement().satisfies(notification -> {
			assertThat(notification.action()).isEqualTo("reservation_acceptance_confirmation");
			assertThat(notification.status()).as("Staysync took the notification").isEqualTo(200);
		});
		await().atMost(PATIENCE).until(() -> "CONFIRMED".equals(bookingStatus(booked.confirmationCode())));
		String booking = bookingId(booked.confirmationCode());
		assertThat(jdbc.sql("select check_in || ' ' || check_out || ' ' || source from bookings where id = :id")
			.param("id", java.util.UUID.fromString(booking))
			.query(String.class)
			.single()).isEqualTo(ARRIVAL + " " + DEPARTURE + " AIRBNB");
		String airbnbRuns = "sync_runs r join integrations i on i.id = r.integration_id where i.type = 'airbnb'";
		await().atMost(PATIENCE).until(() -> count(airbnbRuns + " and r.status = 'success'") >= 1);
		assertThat(jdbc
			.sql("select r.trigger || ' ' || r.bookings_created from " + airbnbRuns + " and r.bookings_created > 0")
			.query(String.class)
			.list()).as("read again because of the notification").containsExactly("webhook 1");

		await().atMost(PATIENCE).untilAsserted(() -> {
			assertThat(nightsOnBookingCom()).as("every night of the stay, closed").containsOnly(true);
			assertThat(count("availability_pushes")).isZero();
		});
		assertThat(bookingCom.closed(HOTEL, ROOM_TYPE, DEPARTURE)).as("the departure day is no night of the stay")
			.isNotEqualTo(java.util.Optional.of(true));
		assertThat(feed("booking_com")).contains(stay(booking), nights());
		assertThat(feed("ical")).contains(stay(booking), nights());
		assertThat(feed("airbnb")).as("Airbnb's own feed leaves out what came from Airbnb").doesNotContain(booking);
		assertThat(airbnb.calendarOperations()).as("nothing is pushed back to where it came from").isEmpty();

		airbnb.cancel(booked.confirmationCode(), "cancelled_by_guest");

		assertThat(airbnb.notifications()).hasSize(2).last().satisfies(notification -> {
			assertThat(notification.action()).isEqualTo("reservation_cancellation_confirmation");
			assertThat(notification.status()).isEqualTo(200);
		});
		await().atMost(PATIENCE).until(() -> "CANCELLED".equals(bookingStatus(booked.confirmationCode())));
		await().atMost(PATIENCE).untilAsserted(() -> {
			assertThat(nightsOnBookingCom()).as("every night of the stay, open again").containsOnly(false);
			assertThat(count("availability_pushes")).isZero();
		});
		assertThat(feed("booking_com")).doesNotContain(booking);
		assertThat(feed("ical")).doesNotContain(booking);
		assertThat(count("bookings where external_id = '" + booked.confirmationCode() + "'")).isEqualTo(1);
	}

	private void connectAirbnbThroughTheSandboxsConsent() throws Exception {
		AirbnbSandboxConsent.connect(mvc, admin(), port);
		assertThat(jdbc.sql("select status || ' ' || connected_account from integrations where type = 'airbnb'")
			.query(String.class)
			.single()).isEqualTo("connected " + airbnb.userId());
	}

	/** Maps one listing of a channel to the property; the listing's export feed URL. */
	private String map(String type, String listing, String importUrl) throws Exception {
		String body = mvc
			.perform(json(asAdmin(put("/api/integrations/" + type + "/mappings")),
					"[{\"externalListingId\":\"%s\",\"propertyId\":\"%s\"%s}]".formatted(listing, property,
							importUrl == null ? "" : ",\"importUrl\":\"" + importUrl + "\"")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JsonPath.read(body, "$[0].exportUrl");
	}

	/** The feed as a channel reads it (the token in the URL is the only credential). */
	private String feed(String type) throws Exception {
		return mvc.perform(get(URI.create(feeds.get(type)).getPath()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	/** The event of a booking in an export feed. */
	private static String stay(String booking) {
		return "UID:" + booking + "@staysync\r\n";
	}

	/** The stay's dates in an export feed: all-day, the departure day exclusive. */
	private static String nights() {
		return "DTSTART;VALUE=DATE:" + ICAL_DATE.format(ARRIVAL) + "\r\nDTEND;VALUE=DATE:" + ICAL_DATE.format(DEPARTURE)
				+ "\r\n";
	}

	/** Each night of the stay on Booking.com as last pushed: closed or not. */
	private List<Boolean> nightsOnBookingCom() {
		return ARRIVAL.datesUntil(DEPARTURE)
			.map(night -> bookingCom.closed(HOTEL, ROOM_TYPE, night).orElse(null))
			.toList();
	}

	private String bookingStatus(String code) {
		return jdbc.sql("select status from bookings where external_id = :code")
			.param("code", code)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	private String bookingId(String code) {
		return jdbc.sql("select id from bookings where external_id = :code")
			.param("code", code)
			.query(String.class)
			.single();
	}

}

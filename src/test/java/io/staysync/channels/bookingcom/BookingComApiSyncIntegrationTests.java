package io.staysync.channels.bookingcom;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

import com.jayway.jsonpath.JsonPath;

import io.staysync.channels.ChannelType;
import io.staysync.channels.sandbox.bookingcom.BookingComSandbox;
import io.staysync.channels.sandbox.bookingcom.BookingComSandbox.Faults;
import io.staysync.channels.sandbox.bookingcom.SandboxReservation;
import io.staysync.channels.sandbox.bookingcom.SandboxReservation.Room;
import io.staysync.integrations.internal.WaitingReservations;
import io.staysync.test.ApiIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Booking.com in API mode end to end: the sandbox peer over real HTTP, the real client
 * and connector, the sync engine started through the API, and the bookings as the API
 * shows them. Each reservation is applied in its own transaction and acknowledged only
 * once it committed.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = { "staysync.http.allow-private-addresses=true",
		"staysync.sandbox.booking-com.enabled=true", "staysync.channels.booking-com.sandbox=true",
		"staysync.channels.booking-com.pause-after-acknowledgement=0s", "staysync.scheduler.enabled=false" })
class BookingComApiSyncIntegrationTests extends ApiIntegrationTest {

	static final String HOTEL = "4410021";

	static final String DOUBLE = HOTEL + "-77120001";

	static final String SUITE = HOTEL + "-77120002";

	static final LocalDate SOON = LocalDate.now().plusDays(40);

	@Autowired
	BookingComSandbox sandbox;

	@Autowired
	WaitingReservations waitingReservations;

	String loft;

	String suite;

	@BeforeEach
	void freshChannel() throws Exception {
		resetChannels();
		sandbox.reset();
		loft = createProperty("Bcom Loft " + System.nanoTime(), "Europe/Amsterdam", 4);
		suite = createProperty("Bcom Suite " + System.nanoTime(), "Europe/Amsterdam", 4);
		mvc.perform(json(asAdmin(post("/api/integrations/booking_com/configure")),
				"{\"mode\":\"api\",\"apiKey\":\"machine-account\",\"apiSecret\":\"sandbox-secret\"}"))
			.andExpect(status().isOk());
		map("""
				[{"externalListingId":"%s","propertyId":"%s"},{"externalListingId":"%s","propertyId":"%s"}]"""
			.formatted(DOUBLE, loft, SUITE, suite));
	}

	@Test
	void aNewReservationThenAModificationDroppingARoomThenACancellation() throws Exception {
		sandbox.queueNew(reservation("8001", room(1, "77120001", 0, 3), room(2, "77120002", 0, 3)));

		String created = syncAndWait("success");

		mvc.perform(asAdmin(get("/api/syncs/" + created)))
			.andExpect(jsonPath("$.bookingsCreated").value(2))
			.andExpect(jsonPath("$.listings[0].externalListingId").value(DOUBLE))
			.andExpect(jsonPath("$.listings[0].bookingsCreated").value(1))
			.andExpect(jsonPath("$.listings[1].bookingsCreated").value(1))
			.andExpect(jsonPath("$.listings[0].channelRequestIds").value(not(emptyOrNullString())));
		assertThat(sandbox.state(true, "8001")).isEqualTo("ACKNOWLEDGED");
		assertThat(statusOf("8001-1")).isEqualTo("CONFIRMED");
		assertThat(statusOf("8001-2")).isEqualTo("CONFIRMED");
		mvc.perform(asAdmin(get("/api/bookings?propertyId=" + loft)))
			.andExpect(jsonPath("$.totalElements").value(1))
			.andExpect(jsonPath("$.content[0].checkIn").value(SOON.toString()))
			.andExpect(jsonPath("$.content[0].checkOut").value(SOON.plusDays(3).toString()))
			.andExpect(jsonPath("$.content[0].source").value("BOOKING_COM"))
			.andExpect(jsonPath("$.content[0].guestName").value(containsString("Jansen")));

		sandbox.queueModification(reservation("8001", room(1, "77120001", 1, 3)));
		String modified = syncAndWait("success");

		mvc.perform(asAdmin(get("/api/syncs/" + modified)))
			.andExpect(jsonPath("$.bookingsUpdated").value(1))
			.andExpect(jsonPath("$.bookingsCancelled").value(1))
			.andExpect(jsonPath("$.listings[1].bookingsCancelled").value(1));
		assertThat(statusOf("8001-2")).as("the room the modification no longer lists").isEqualTo("CANCELLED");
		assertThat(sandbox.state(false, "8001")).isEqualTo("ACKNOWLEDGED");

		sandbox.queueModification(new SandboxReservation("8001", HOTEL, List.of(), null, null));
		String cancelled = syncAndWait("success");

		mvc.perform(asAdmin(get("/api/syncs/" + cancelled))).andExpect(jsonPath("$.bookingsCancelled").value(1));
		assertThat(statusOf("8001-1")).isEqualTo("CANCELLED");
		assertThat(count("bookings where external_id like '8001-%'")).isEqualTo(2);
	}

	@Test
	void aReservationDeliveredTwiceIsAppliedOnce() throws Exception {
		sandbox.faults(new Faults(Duration.ZERO, 0, Duration.ofSeconds(1), 0, 0, true));
		sandbox.queueNew(reservation("8101", room(1, "77120001", 0, 2)));

		String run = syncAndWait("success");

		mvc.perform(asAdmin(get("/api/syncs/" + run)))
			.andExpect(jsonPath("$.bookingsCreated").value(1))
			.andExpect(jsonPath("$.unchanged").value(0));
		assertThat(count("bookings where external_id = '8101-1'")).isEqualTo(1);
		assertThat(sandbox.state(true, "8101")).isEqualTo("ACKNOWLEDGED");
	}

	@Test
	void aReservationThatCannotBeStoredIsNotAcknowledgedAndTheOthersAre() throws Exception {
		String tooLong = "9".repeat(260);
		sandbox.queueNew(reservation(tooLong, room(1, "77120002", 0, 2)));
		sandbox.queueNew(reservation("8201", room(1, "77120001", 5, 2)));

		String run = syncAndWait("partial");

		mvc.perform(asAdmin(get("/api/syncs/" + run)))
			.andExpect(jsonPath("$.bookingsCreated").value(1))
			.andExpect(jsonPath("$.errorMessage").value(containsString("could not be stored")))
			.andExpect(jsonPath("$.errorMessage").value(containsString("next sync tries again")));
		assertThat(sandbox.state(true, tooLong)).as("left for the next pull").isEqualTo("DELIVERED");
		assertThat(sandbox.state(true, "8201")).isEqualTo("ACKNOWLEDGED");
		assertThat(count("bookings where external_id like '9999%'")).as("nothing of it was stored").isZero();
	}

	@Test
	void aRedeliveryAfterACrashBetweenCommitAndAcknowledgementChangesNothing() throws Exception {
		sandbox.queueNew(reservation("8301", room(1, "77120001", 0, 2)));
		// Requests 1 and 2 pull both queues; the third, the acknowledgement, is lost.
		sandbox.faults(new Faults(Duration.ZERO, 0, Duration.ofSeconds(1), 3, 0, false));

		String lost = syncAndWait("success");

		mvc.perform(asAdmin(get("/api/syncs/" + lost)))
			.andExpect(jsonPath("$.bookingsCreated").value(1))
			.andExpect(jsonPath("$.listings[0].message").value(containsString("not acknowledged")));
		assertThat(sandbox.state(true, "8301")).isEqualTo("DELIVERED");

		sandbox.faults(Faults.none());
		String again = syncAndWait("success");

		mvc.perform(asAdmin(get("/api/syncs/" + again)))
			.andExpect(jsonPath("$.bookingsCreated").value(0))
			.andExpect(jsonPath("$.bookingsUpdated").value(0))
			.andExpect(jsonPath("$.unchanged").value(1));
		assertThat(sandbox.state(true, "8301")).isEqualTo("ACKNOWLEDGED");
		assertThat(count("bookings where external_id = '8301-1'")).isEqualTo(1);
	}

	@Test
	void reservationsOfUnmappedRoomsAndHotelsAreKeptAndReportedUntilMapped() throws Exception {
		map("""
				[{"externalListingId":"%s","propertyId":"%s"}]""".formatted(DOUBLE, loft));
		sandbox.queueNew(reservation("8401", room(1, "77120002", 0, 2)));
		sandbox.queueNew(new SandboxReservation("8402", "5550001", List.of(new Room(1, "1", SOON, 2, 2, 10000)), "Ana",
				"Silva"));

		String waiting = syncAndWait("partial");

		mvc.perform(asAdmin(get("/api/syncs/" + waiting)))
			.andExpect(jsonPath("$.listings[1].externalListingId").value(SUITE))
			.andExpect(jsonPath("$.listings[1].status").value("error"))
			.andExpect(jsonPath("$.listings[1].message").value(containsString("Reservation 8401")))
			.andExpect(jsonPath("$.listings[1].message").value(containsString("not mapped to a property")))
			.andExpect(jsonPath("$.listings[2].externalListingId").value("5550001-1"));
		assertThat(sandbox.state(true, "8401")).isEqualTo("DELIVERED");
		assertThat(sandbox.state(true, "8402")).isEqualTo("DELIVERED");
		assertThat(count("bookings where external_id like '840%'")).isZero();
		assertThat(waiting()).as("what the integration says to map")
			.containsExactly(SUITE + " 8401 " + SOON + " " + SOON.plusDays(2),
					"5550001-1 8402 " + SOON + " " + SOON.plusDays(2));

		// A pull that fails says nothing about what waits: the last known list stays.
		sandbox.faults(new Faults(Duration.ZERO, 0, Duration.ofSeconds(1), 1, 0, false));
		syncAndWait("error");
		assertThat(waiting()).hasSize(2);
		sandbox.faults(Faults.none());

		map("""
				[{"externalListingId":"%s","propertyId":"%s"},{"externalListingId":"%s","propertyId":"%s"}]"""
			.formatted(DOUBLE, loft, SUITE, suite));
		assertThat(waiting()).as("mapped since: no longer waiting for a mapping")
			.containsExactly("5550001-1 8402 " + SOON + " " + SOON.plusDays(2));
		syncAndWait("partial");

		assertThat(statusOf("8401-1")).isEqualTo("CONFIRMED");
		assertThat(sandbox.state(true, "8401")).isEqualTo("ACKNOWLEDGED");
		assertThat(sandbox.state(true, "8402")).as("its hotel is still not mapped").isEqualTo("DELIVERED");
		assertThat(count("waiting_reservations")).as("the applied one is gone, the other kept").isOne();
		assertThat(waiting()).containsExactly("5550001-1 8402 " + SOON + " " + SOON.plusDays(2));
	}

	@Test
	void aWaitingReservationWithAnIdTooLongToMapIsNamedInTheRunOnlyAndTheRunIsStillRecorded() throws Exception {
		String hostileHotel = "7".repeat(300);
		sandbox.queueNew(new SandboxReservation("8451", hostileHotel, List.of(new Room(1, "1", SOON, 2, 2, 10000)),
				"Ana", "Silva"));

		String run = syncAndWait("partial");

		mvc.perform(asAdmin(get("/api/syncs/" + run)))
			.andExpect(jsonPath("$.errorMessage").value(containsString("Reservation 8451")));
		assertThat(waiting()).as("no listing id is that long: nothing to map it as").isEmpty();
		assertThat(sandbox.state(true, "8451")).isEqualTo("DELIVERED");
	}

	@Test
	void testingTheConnectionExchangesATokenAndPullsWithoutTakingAnything() throws Exception {
		sandbox.queueNew(reservation("8501", room(1, "77120001", 0, 2)));

		mvc.perform(asAdmin(post("/api/integrations/booking_com/test")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.ok").value(true))
			.andExpect(jsonPath("$.message").value(containsString("Connected to Booking.com")))
			.andExpect(jsonPath("$.details[1]").value(containsString("1 new reservation(s) waiting")));
		assertThat(count("bookings where external_id = '8501-1'")).isZero();
		assertThat(sandbox.state(true, "8501")).as("not acknowledged by a test").isEqualTo("DELIVERED");

		mvc.perform(
				json(asAdmin(post("/api/integrations/booking_com/configure")), "{\"apiSecret\":\"not-the-secret\"}"))
			.andExpect(status().isOk());
		String refused = mvc.perform(asAdmin(post("/api/integrations/booking_com/test")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.ok").value(false))
			.andExpect(jsonPath("$.message").value(containsString("refused the client id or secret")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(refused).doesNotContain("not-the-secret");
	}

	@Test
	void aWebhookOnlyAsksForAPullAndItsBodyIsNotApplied() throws Exception {
		String secret = "whsec_" + Base64.getEncoder()
			.encodeToString("a-webhook-secret-of-32-bytes-len".getBytes(StandardCharsets.US_ASCII));
		mvc.perform(json(asAdmin(post("/api/integrations/booking_com/configure")),
				"{\"webhookSecret\":\"%s\"}".formatted(secret)))
			.andExpect(status().isOk());
		sandbox.queueNew(reservation("8601", room(1, "77120001", 0, 2)));
		String body = "{\"reservation\":{\"id\":\"8699\",\"hotel\":\"" + HOTEL + "\"}}";
		long now = Instant.now().getEpochSecond();

		String run = JsonPath.read(mvc
			.perform(post("/api/integrations/bookingcom/webhook").contentType(MediaType.APPLICATION_JSON)
				.content(body)
				.header("webhook-id", "msg_8601")
				.header("webhook-timestamp", String.valueOf(now))
				.header("webhook-signature", sign(secret, "msg_8601", now, body)))
			.andExpect(status().isAccepted())
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.syncRunId");

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> mvc.perform(asAdmin(get("/api/syncs/" + run)))
				.andExpect(jsonPath("$.trigger").value("webhook"))
				.andExpect(jsonPath("$.status").value("success"))
				.andExpect(jsonPath("$.bookingsCreated").value(1)));
		assertThat(statusOf("8601-1")).isEqualTo("CONFIRMED");
		assertThat(count("bookings where external_id like '8699%'")).as("the body is only a hint").isZero();
	}

	/** A Standard Webhooks signature, as a relay would send it. */
	static String sign(String secret, String id, long timestamp, String body) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
		byte[] signature = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
		return "v1," + Base64.getEncoder().encodeToString(signature);
	}

	void map(String mappings) throws Exception {
		mvc.perform(json(asAdmin(put("/api/integrations/booking_com/mappings")), mappings)).andExpect(status().isOk());
	}

	String syncAndWait(String expected) throws Exception {
		String run = JsonPath.read(mvc.perform(asAdmin(post("/api/integrations/booking_com/sync")))
			.andExpect(status().isAccepted())
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.id");
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> mvc.perform(asAdmin(get("/api/syncs/" + run)))
				.andExpect(jsonPath("$.status").value(expected)));
		return run;
	}

	/** What the integration lists as waiting for a mapping, one line each. */
	List<String> waiting() {
		return waitingReservations.list(ChannelType.BOOKING_COM)
			.stream()
			.map(w -> w.externalListingId() + " " + w.reference() + " " + w.checkIn() + " " + w.checkOut())
			.toList();
	}

	String statusOf(String externalId) {
		return jdbc.sql("select status from bookings where external_id = :e")
			.param("e", externalId)
			.query(String.class)
			.single();
	}

	static SandboxReservation reservation(String resId, Room... rooms) {
		return new SandboxReservation(resId, HOTEL, List.of(rooms), "Eva", "Jansen");
	}

	static Room room(int index, String roomType, int offset, int nights) {
		return new Room(index, roomType, SOON.plusDays(offset), nights, 2, 12000);
	}

}

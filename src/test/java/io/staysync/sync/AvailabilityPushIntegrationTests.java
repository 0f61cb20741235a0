package io.staysync.sync;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import com.jayway.jsonpath.JsonPath;

import io.staysync.bookings.BookingImport;
import io.staysync.bookings.BookingKind;
import io.staysync.bookings.BookingSource;
import io.staysync.bookings.BookingStatus;
import io.staysync.bookings.ChannelBooking;
import io.staysync.channels.AvailabilityPush;
import io.staysync.channels.ChannelType;
import io.staysync.sync.ScriptedConnector.Answer;
import io.staysync.sync.ScriptedConnector.Pushed;
import io.staysync.sync.ScriptedConnector.Stay;
import io.staysync.test.ApiIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Availability out: Airbnb and Booking.com both in API mode (the scripted peer stands in
 * for both), each with a listing mapped to one property. A booking change is pushed,
 * through the outbox and its db-scheduler task, to every other mapped API integration,
 * debounced, retried.
 */
@Import(AvailabilityPushIntegrationTests.Peers.class)
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = { "staysync.scheduler.polling-interval=1s", "staysync.availability.debounce=3s",
		"staysync.availability.longest-wait=30s", "staysync.availability.drain-interval=500ms",
		"staysync.availability.retry-base=200ms", "staysync.availability.max-attempts=3" })
class AvailabilityPushIntegrationTests extends ApiIntegrationTest {

	static final LocalDate SOON = LocalDate.now().plusDays(30);

	@TestConfiguration
	static class Peers {

		@Bean
		ScriptedConnector airbnbAndBookingCom() {
			return new ScriptedConnector(ChannelType.AIRBNB, ChannelType.BOOKING_COM);
		}

	}

	@Autowired
	ScriptedConnector peer;

	@Autowired
	BookingImport imports;

	String property;

	@BeforeEach
	void twoApiChannelsMappedToOneProperty() throws Exception {
		resetChannels();
		peer.script.clear();
		peer.pushes.clear();
		peer.pushAnswers.clear();
		property = createProperty("Pushed Flat " + System.nanoTime(), "Europe/Madrid", 4);
		for (String type : new String[] { "airbnb", "bookingcom" }) {
			mvc.perform(json(asAdmin(post("/api/integrations/" + type + "/configure")),
					"{\"apiKey\":\"k-0123456789abcdef\",\"mode\":\"api\"}"))
				.andExpect(status().isOk());
			mvc.perform(json(asAdmin(put("/api/integrations/" + type + "/mappings")),
					"[{\"externalListingId\":\"%s-listing\",\"propertyId\":\"%s\"}]".formatted(type, property)))
				.andExpect(status().isOk());
		}
	}

	@Test
	void aBookingFromOneChannelIsPushedToTheOtherMappedChannelAndNotBack() throws Exception {
		peer.then("airbnb-listing", Answer.feed(Stay.of("HMAAA111", SOON, 3)));

		syncAirbnb();

		await().atMost(Duration.ofSeconds(20))
			.until(() -> peer.pushesTo(ChannelType.BOOKING_COM).size() == 1 && count("availability_pushes") == 0);
		Pushed push = peer.pushesTo(ChannelType.BOOKING_COM).get(0);
		assertThat(push.listing()).isEqualTo("bookingcom-listing");
		assertThat(push.window().from()).isEqualTo(SOON);
		assertThat(push.window().to()).isEqualTo(SOON.plusDays(3));
		assertThat(push.window().closedNights()).containsExactly(SOON, SOON.plusDays(1), SOON.plusDays(2));
		assertThat(peer.pushesTo(ChannelType.AIRBNB)).as("the channel the booking came from").isEmpty();
	}

	@Test
	void aTentativeBookingClosesItsNightsOnTheOtherChannelAndAcceptedThenCancelledReopensThem() throws Exception {
		UUID airbnb = jdbc.sql("select id from integrations where type = 'airbnb'").query(UUID.class).single();
		LocalDate checkIn = SOON.plusDays(80);

		imports.apply(request(airbnb, BookingStatus.TENTATIVE, checkIn));
		Pushed held = nextPushToBookingCom(1);
		imports.apply(request(airbnb, BookingStatus.CONFIRMED, checkIn));
		Pushed accepted = nextPushToBookingCom(2);
		imports.apply(request(airbnb, BookingStatus.CANCELLED, checkIn));
		Pushed cancelled = nextPushToBookingCom(3);

		assertThat(held.window().closedNights()).as("a held request closes its nights")
			.containsExactly(checkIn, checkIn.plusDays(1));
		assertThat(accepted.window().closedNights()).as("accepted, it still does")
			.containsExactly(checkIn, checkIn.plusDays(1));
		assertThat(cancelled.window().from()).isEqualTo(checkIn);
		assertThat(cancelled.window().closedNights()).as("cancelled, its nights open again").isEmpty();
		await().atMost(Duration.ofSeconds(20)).until(() -> !peer.pushesTo(ChannelType.AIRBNB).isEmpty());
		assertThat(peer.pushesTo(ChannelType.AIRBNB))
			.as("held and accepted, nothing went back to the channel the request came from; cancelled, its nights "
					+ "are opened there too, in case an earlier push for another booking closed them")
			.singleElement()
			.satisfies(push -> {
				assertThat(push.window().from()).isEqualTo(checkIn);
				assertThat(push.window().closedNights()).isEmpty();
			});
	}

	/**
	 * Found by the soak: a push states every night of its window, so a push made for one
	 * booking closes the nights of another booking of the same property on that booking's
	 * own channel. When that booking is cancelled there, only a push opens its nights
	 * again.
	 */
	@Test
	void nightsClosedOnTheChannelABookingCameFromAreOpenedThereWhenItIsCancelled() throws Exception {
		UUID airbnb = jdbc.sql("select id from integrations where type = 'airbnb'").query(UUID.class).single();
		LocalDate checkIn = SOON.plusDays(120);
		imports.apply(stay(airbnb, "HMREOPEN1", BookingStatus.CONFIRMED, checkIn));
		nextPushToBookingCom(1);
		assertThat(peer.pushesTo(ChannelType.AIRBNB)).as("a new booking is not pushed back where it came from")
			.isEmpty();

		imports.apply(stay(airbnb, "HMREOPEN1", BookingStatus.CANCELLED, checkIn));

		await().atMost(Duration.ofSeconds(20)).until(() -> !peer.pushesTo(ChannelType.AIRBNB).isEmpty());
		Pushed reopened = peer.pushesTo(ChannelType.AIRBNB).get(0);
		assertThat(reopened.listing()).isEqualTo("airbnb-listing");
		assertThat(reopened.window().from()).isEqualTo(checkIn);
		assertThat(reopened.window().to()).isEqualTo(checkIn.plusDays(2));
		assertThat(reopened.window().closedNights()).isEmpty();
	}

	private ChannelBooking request(UUID airbnb, BookingStatus status, LocalDate checkIn) {
		return stay(airbnb, "HMREQ777", status, checkIn);
	}

	private ChannelBooking stay(UUID airbnb, String code, BookingStatus status, LocalDate checkIn) {
		return new ChannelBooking(airbnb, BookingSource.AIRBNB, code, "airbnb-listing", UUID.fromString(property),
				BookingKind.RESERVATION, status, checkIn, checkIn.plusDays(2), "Requesting Guest", 2, 0, null, null,
				null);
	}

	private Pushed nextPushToBookingCom(int pushes) {
		await().atMost(Duration.ofSeconds(20))
			.until(() -> peer.pushesTo(ChannelType.BOOKING_COM).size() == pushes && count("availability_pushes") == 0);
		return peer.pushesTo(ChannelType.BOOKING_COM).get(pushes - 1);
	}

	@Test
	void threeQuickChangesArePushedOnceWithTheUnionOfTheirNights() throws Exception {
		createBooking(property, SOON.toString(), SOON.plusDays(2).toString(), false);
		Timestamp firstDue = dueAfterChanges(1);
		createBooking(property, SOON.plusDays(10).toString(), SOON.plusDays(12).toString(), false);
		Timestamp secondDue = dueAfterChanges(2);
		String third = createBooking(property, SOON.plusDays(20).toString(), SOON.plusDays(21).toString(), false);
		mvc.perform(asAdmin(post("/api/bookings/" + third + "/cancel"))).andExpect(status().isOk());
		dueAfterChanges(4);

		assertThat(secondDue).as("each change moves the push later").isAfter(firstDue);
		await().atMost(Duration.ofSeconds(20)).until(() -> count("availability_pushes") == 0);
		Thread.sleep(1500);
		assertThat(peer.pushesTo(ChannelType.BOOKING_COM)).hasSize(1);
		assertThat(peer.pushesTo(ChannelType.AIRBNB)).as("a manual booking goes to every API channel").hasSize(1);
		Pushed push = peer.pushesTo(ChannelType.BOOKING_COM).get(0);
		assertThat(push.window().from()).isEqualTo(SOON);
		assertThat(push.window().to()).isEqualTo(SOON.plusDays(21));
		assertThat(push.window().closedNights()).containsExactly(SOON, SOON.plusDays(1), SOON.plusDays(10),
				SOON.plusDays(11));
		assertThat(push.window().open(SOON.plusDays(20))).as("the cancelled booking's night is open again").isTrue();
	}

	@Test
	void aFailedPushWaitsForRetryAfterAndIsRetriedUntilItIsTaken() throws Exception {
		peer.pushAnswers
			.add(AvailabilityPush.failed("The channel answered 503 Service Unavailable.", Duration.ofSeconds(4)));
		peer.then("airbnb-listing", Answer.feed(Stay.of("HMBBB222", SOON.plusDays(40), 2)));

		syncAirbnb();

		await().atMost(Duration.ofSeconds(20)).until(() -> peer.pushesTo(ChannelType.BOOKING_COM).size() == 1);
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(jdbc.sql("""
					select attempts, state, last_error from availability_pushes""")
				.query((row, n) -> row.getInt(1) + " " + row.getString(2) + " " + row.getString(3))
				.single()).isEqualTo("1 pending bookingcom-listing: The channel answered 503 Service Unavailable."));
		await().atMost(Duration.ofSeconds(20))
			.until(() -> peer.pushesTo(ChannelType.BOOKING_COM).size() == 2 && count("availability_pushes") == 0);
		Pushed failed = peer.pushesTo(ChannelType.BOOKING_COM).get(0);
		Pushed taken = peer.pushesTo(ChannelType.BOOKING_COM).get(1);
		assertThat(failed.answer().outcome()).isEqualTo(AvailabilityPush.Outcome.FAILED);
		assertThat(taken.answer().outcome()).isEqualTo(AvailabilityPush.Outcome.PUSHED);
		assertThat(taken.window()).isEqualTo(failed.window());
	}

	@Test
	void afterTheLastAttemptThePushIsGivenUpOnVisiblyAndANewChangeStartsOver(CapturedOutput output) throws Exception {
		for (int i = 0; i < 3; i++) {
			peer.pushAnswers.add(AvailabilityPush.failed("The channel answered 500 Internal Server Error."));
		}
		peer.then("airbnb-listing", Answer.feed(Stay.of("HMCCC333", SOON.plusDays(50), 2)));

		syncAirbnb();

		await().atMost(Duration.ofSeconds(30)).until(() -> count("availability_pushes where state = 'gave_up'") == 1);
		assertThat(jdbc.sql("select attempts from availability_pushes").query(Integer.class).single()).isEqualTo(3);
		assertThat(peer.pushesTo(ChannelType.BOOKING_COM)).hasSize(3);
		assertThat(output).contains("Gave up pushing availability of property " + property);

		peer.then("airbnb-listing",
				Answer.feed(Stay.of("HMCCC333", SOON.plusDays(50), 2), Stay.of("HMDDD444", SOON.plusDays(60), 1)));
		syncAirbnb();

		await().atMost(Duration.ofSeconds(20)).until(() -> count("availability_pushes") == 0);
		Pushed last = peer.pushesTo(ChannelType.BOOKING_COM).get(3);
		assertThat(last.answer().outcome()).isEqualTo(AvailabilityPush.Outcome.PUSHED);
		assertThat(last.window().from()).isEqualTo(SOON.plusDays(50));
		assertThat(last.window().to()).isEqualTo(SOON.plusDays(61));
	}

	@Test
	void nothingIsPushedForAPropertyNoOtherActiveApiChannelIsMappedTo() throws Exception {
		String unmapped = createProperty("Unmapped Flat " + System.nanoTime(), "Europe/Madrid", 2);
		String booking = createBooking(unmapped, SOON.toString(), SOON.plusDays(2).toString(), false);
		mvc.perform(json(asAdmin(post("/api/integrations/bookingcom/configure")), "{\"isActive\":false}"))
			.andExpect(status().isOk());
		peer.then("airbnb-listing", Answer.feed(Stay.of("HMEEE555", SOON.plusDays(70), 2)));
		syncAirbnb();

		await().atMost(Duration.ofSeconds(10)).until(() -> outboxListenerCompleted(booking));
		await().atMost(Duration.ofSeconds(10)).until(() -> outboxListenerCompleted(importedBookingId()));
		Thread.sleep(1500);
		assertThat(count("availability_pushes")).isZero();
		assertThat(peer.pushes).isEmpty();
	}

	private Timestamp dueAfterChanges(int changes) {
		await().atMost(Duration.ofSeconds(10))
			.until(() -> count("availability_pushes a join integrations i on i.id = a.integration_id"
					+ " where i.type = 'booking_com' and a.changes = " + changes) == 1);
		return jdbc.sql("""
				select a.due_at from availability_pushes a join integrations i on i.id = a.integration_id
				where i.type = 'booking_com'""").query(Timestamp.class).single();
	}

	private boolean outboxListenerCompleted(String bookingId) {
		return count("event_publication where listener_id like '%AvailabilityOutbox%' and completion_date is not null"
				+ " and serialized_event like '%" + bookingId + "%'") == 1;
	}

	private String importedBookingId() {
		return jdbc.sql("select cast(id as varchar) from bookings where external_id = 'HMEEE555'")
			.query(String.class)
			.single();
	}

	private String syncAirbnb() throws Exception {
		String run = JsonPath.read(mvc.perform(asAdmin(post("/api/integrations/airbnb/sync")))
			.andExpect(status().isAccepted())
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.id");
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> mvc.perform(asAdmin(get("/api/syncs/" + run)))
				.andExpect(jsonPath("$.status").value("success")));
		return run;
	}

}

package io.staysync.channels.airbnb;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.staysync.bookings.BookingStatus;
import io.staysync.channels.AvailabilityPush;
import io.staysync.channels.AvailabilityWindow;
import io.staysync.channels.ChannelCredentials;
import io.staysync.channels.ChannelListing;
import io.staysync.channels.ChannelMode;
import io.staysync.channels.ChannelType;
import io.staysync.channels.ListingChanges;
import io.staysync.channels.ReservationLookup;
import io.staysync.channels.SyncCursor;
import io.staysync.channels.airbnb.AirbnbException.Reason;
import io.staysync.channels.sandbox.SandboxFaults;
import io.staysync.channels.sandbox.airbnb.AirbnbSandbox;
import io.staysync.channels.sandbox.airbnb.SandboxReservation;
import io.staysync.common.http.GuardedHttpClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The real client and connector against the Airbnb sandbox over real HTTP: every
 * endpoint, the page walk with a token expiring in the middle, a revoked authorization,
 * the calendar as pushed, every fault the sandbox injects, and notifications posted when
 * a reservation changes.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestPropertySource(properties = { "staysync.http.allow-private-addresses=true", "staysync.sandbox.airbnb.enabled=true",
		"staysync.scheduler.enabled=false" })
class AirbnbContractIntegrationTests {

	static final long LOFT = 51234567L;

	static final LocalDate SOON = LocalDate.now().plusDays(30);

	@LocalServerPort
	int port;

	@Autowired
	GuardedHttpClient http;

	@Autowired
	AirbnbSandbox sandbox;

	@Autowired
	Clock clock;

	final List<Long> slept = new ArrayList<>();

	final InMemoryTokenStore store = new InMemoryTokenStore();

	final UUID property = UUID.randomUUID();

	AirbnbClient client;

	AirbnbConnector connector;

	ChannelCredentials credentials;

	@BeforeEach
	void connectedToAFreshPeer() throws Exception {
		sandbox.reset();
		client = new AirbnbClient(http, AirbnbOAuthContractIntegrationTests.sandboxSettings(port).paging(2, 20), clock,
				store, slept::add);
		connector = new AirbnbConnector(client, clock);
		ChannelCredentials connected = AirbnbOAuthContractIntegrationTests.connect(port,
				new AirbnbAuthorization(client), store);
		credentials = new ChannelCredentials(connected.integrationId(), ChannelType.AIRBNB, ChannelMode.API,
				connected.apiKey(), connected.apiSecret(), null, null,
				List.of(new ChannelListing(String.valueOf(LOFT), property, null)));
	}

	@Test
	void theConnectionCheckNamesTheSandboxHost() {
		assertThat(connector.testConnection(credentials).message())
			.isEqualTo("Connected to Airbnb as Sandbox host (Airbnb user 1603070).");
	}

	@Test
	void theAccountsListingsAreListed() {
		assertThat(connector.listAccountListings(credentials).listings())
			.extracting(listing -> listing.externalListingId() + " " + listing.name())
			.containsExactly("51234567 Harbour Loft", "51234568 Garden Studio");
	}

	@Test
	void everyReservationOfAListingIsReadPageByPageWithItsStatus() {
		for (int i = 1; i <= 5; i++) {
			sandbox.put(
					SandboxReservation.accepted("HMPAGED00" + i, LOFT, SOON.plusDays(i * 3), SOON.plusDays(i * 3 + 2)));
		}
		sandbox.put(SandboxReservation.accepted("HMCANCEL01", LOFT, SOON, SOON.plusDays(2))
			.withStatus("cancelled_by_host", clock.instant()));
		sandbox.put(SandboxReservation.accepted("HMOTHER001", LOFT + 1, SOON, SOON.plusDays(2)));

		ListingChanges changes = connector.fetchChanges(credentials, credentials.listings().get(0), SyncCursor.none());

		assertThat(changes.bookings()).hasSize(6);
		assertThat(changes.bookings()).filteredOn(booking -> booking.externalId().equals("HMCANCEL01"))
			.singleElement()
			.satisfies(cancelled -> assertThat(cancelled.status()).isEqualTo(BookingStatus.CANCELLED));
		assertThat(changes.bookings().get(0).totalAmount()).isEqualByComparingTo("240.00");
		assertThat(changes.bookings().get(0).adults()).isEqualTo(2);
	}

	@Test
	void anAccessTokenExpiringInTheMiddleOfTheWalkIsRefreshedOnce() throws Exception {
		for (int i = 1; i <= 3; i++) {
			sandbox.put(
					SandboxReservation.accepted("HMEXPIRE0" + i, LOFT, SOON.plusDays(i * 3), SOON.plusDays(i * 3 + 1)));
		}
		client.reservations(credentials, String.valueOf(LOFT));
		sandbox.expireAccessTokens();

		assertThat(client.reservations(credentials, String.valueOf(LOFT))).hasSize(3);
		assertThat(sandbox.tokenRefreshes()).isEqualTo(1);
	}

	@Test
	void aRevokedAuthorizationTurnsTheStoreToReconnect() {
		sandbox.revokeAuthorizations();

		assertThat(connector.testConnection(credentials).message()).contains("Connect Airbnb again");
		assertThat(store.revocations).hasSize(1);
	}

	@Test
	void oneReservationIsReadByItsCodeAndAnUnknownOneIsUnknown() {
		sandbox.put(SandboxReservation.accepted("HMSINGLE01", LOFT, SOON, SOON.plusDays(4)));

		ReservationLookup found = connector.fetchReservation(credentials, "HMSINGLE01");

		assertThat(found.booking()).hasValueSatisfying(booking -> {
			assertThat(booking.checkIn()).isEqualTo(SOON);
			assertThat(booking.checkOut()).isEqualTo(SOON.plusDays(4));
		});
		assertThat(connector.fetchReservation(credentials, "HMFORGED99").unknown()).isTrue();
	}

	@Test
	void pushedAvailabilityIsKeptNightByNightAsTheSandboxCalendar() {
		AvailabilityWindow window = new AvailabilityWindow(property, SOON, SOON.plusDays(6),
				new TreeSet<>(List.of(SOON.plusDays(1), SOON.plusDays(2), SOON.plusDays(3))));

		AvailabilityPush push = connector.pushAvailability(credentials, credentials.listings().get(0), window);

		assertThat(push.outcome()).isEqualTo(AvailabilityPush.Outcome.PUSHED);
		assertThat(sandbox.available(LOFT, SOON)).contains(true);
		assertThat(sandbox.available(LOFT, SOON.plusDays(1))).contains(false);
		assertThat(sandbox.available(LOFT, SOON.plusDays(3))).as("the last night before check-out").contains(false);
		assertThat(sandbox.available(LOFT, SOON.plusDays(4))).contains(true);
		assertThat(sandbox.available(LOFT, SOON.plusDays(6))).as("outside the window").isEmpty();
	}

	@Test
	void aPushForAListingOfAnotherAccountOrIntoThePastIsRefusedInAirbnbsWords() throws Exception {
		ChannelListing foreign = new ChannelListing("777", property, null);
		AvailabilityWindow window = new AvailabilityWindow(property, SOON, SOON.plusDays(2), new TreeSet<>());

		assertThat(connector.pushAvailability(credentials, foreign, window).problem())
			.contains("HTTP 403, no_access: You do not have permission to access this resource.");
		byte[] past = JsonMapper.builder()
			.build()
			.writeValueAsBytes(java.util.Map.of("listing_id", LOFT, "operations", List.of(java.util.Map.of("dates",
					List.of(LocalDate.now().minusYears(1) + ":" + LocalDate.now()), "availability", "available"))));
		assertThatExceptionOfType(AirbnbException.class).isThrownBy(() -> client.calendarOperations(credentials, past))
			.satisfies(refused -> assertThat(refused.getMessage()).contains("HTTP 400", "outside the calendar"));
		assertThat(sandbox.calendarOperations()).isEmpty();
	}

	@Test
	void throttlingAnswersAreWaitedOutAsTheirRetryAfterSays() throws Exception {
		sandbox.faults(new SandboxFaults(Duration.ZERO, 1, 429, Duration.ofSeconds(2), 0, 0, 0));

		assertThatExceptionOfType(AirbnbException.class).isThrownBy(() -> client.me(credentials))
			.satisfies(refused -> assertThat(refused.reason()).isEqualTo(Reason.THROTTLED));
		assertThat(slept).containsExactly(2000L, 2000L);

		slept.clear();
		sandbox.faults(new SandboxFaults(Duration.ZERO, 1, 405, Duration.ofSeconds(1), 0, 0, 0));
		assertThatExceptionOfType(AirbnbException.class).isThrownBy(() -> client.me(credentials))
			.satisfies(refused -> assertThat(refused.getMessage()).contains("HTTP 405", "rate_limited"));
		assertThat(slept).containsExactly(1000L, 1000L);
	}

	@Test
	void unavailableAndFailingAnswersAreRetriedAndThenSaidPlainly() throws Exception {
		sandbox.faults(new SandboxFaults(Duration.ZERO, 0, 429, Duration.ofSeconds(1), 2, 0, 0));
		JsonNode me = client.me(credentials);
		assertThat(me.get("id").asLong()).isEqualTo(1603070L);
		assertThat(client.me(credentials)).as("the 2nd request got 503 and was retried").isNotNull();
		assertThat(slept).containsExactly(1000L);

		sandbox.faults(new SandboxFaults(Duration.ZERO, 0, 429, Duration.ZERO, 0, 1, 0));
		assertThatExceptionOfType(AirbnbException.class).isThrownBy(() -> client.me(credentials)).satisfies(refused -> {
			assertThat(refused.reason()).isEqualTo(Reason.DOWN);
			assertThat(refused.getMessage()).contains("HTTP 500, internal_error: Something went wrong.");
		});
	}

	@Test
	void aTruncatedAnswerFailsTheListingAndChangesNothing() {
		sandbox.put(SandboxReservation.accepted("HMTRUNC001", LOFT, SOON, SOON.plusDays(2)));
		sandbox.faults(new SandboxFaults(Duration.ZERO, 0, 429, Duration.ZERO, 0, 0, 1));

		ListingChanges changes = connector.fetchChanges(credentials, credentials.listings().get(0), SyncCursor.none());

		assertThat(changes.outcome()).isEqualTo(ListingChanges.Outcome.FAILED);
		assertThat(changes.problem()).contains("not complete JSON");
	}

	@Test
	void bookingAlteringAndCancellingAreNotifiedInAirbnbsShapeWhateverStaysyncAnswers() throws Exception {
		SandboxReservation booked = sandbox
			.book(SandboxReservation.accepted("HMNOTIFY01", LOFT, SOON, SOON.plusDays(3)));
		sandbox.alter(booked.confirmationCode(), SOON.plusDays(1), SOON.plusDays(4));
		sandbox.cancel(booked.confirmationCode(), "cancelled_by_guest");

		assertThat(sandbox.notifications()).extracting(AirbnbSandbox.Notification::action)
			.containsExactly("reservation_acceptance_confirmation", "reservation_alteration_confirmation",
					"reservation_cancellation_confirmation");
		JsonNode last = JsonMapper.builder().build().readTree(sandbox.notifications().get(2).body());
		assertThat(last.get("reservation").get("confirmation_code").asString()).isEqualTo("HMNOTIFY01");
		assertThat(last.get("reservation").get("listing_id").asLong()).isEqualTo(LOFT);
		assertThat(last.get("reservation").get("status_type").asString()).isEqualTo("cancelled_by_guest");
		assertThat(sandbox.notifications()).allSatisfy(posted -> assertThat(posted.status()).isNotNull());
		assertThat(connector.fetchReservation(credentials, "HMNOTIFY01").booking().orElseThrow().status())
			.isEqualTo(BookingStatus.CANCELLED);
	}

	@Test
	void theSandboxAnswersOnlyWithTheRightTokenAndKey() throws Exception {
		java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest
				.newBuilder(URI.create("http://127.0.0.1:" + port + "/sandbox/airbnb/v2/users/me"))
				.header("X-Airbnb-OAuth-Token", "forged")
				.header("X-Airbnb-API-Key", "staysync-test")
				.build(), java.net.http.HttpResponse.BodyHandlers.ofString());

		assertThat(answer.statusCode()).isEqualTo(401);
		assertThat(answer.body()).isEqualTo(
				"{\"error_code\":401,\"error\":\"authentication_required\",\"error_message\":\"Please login to continue.\"}");
	}

}

package io.staysync.channels.bookingcom;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import io.staysync.channels.ChannelCredentials;
import io.staysync.channels.ChannelMode;
import io.staysync.channels.ChannelType;
import io.staysync.channels.bookingcom.BookingComException.Reason;
import io.staysync.channels.bookingcom.OtaWriter.AvailabilityRange;
import io.staysync.channels.sandbox.bookingcom.BookingComSandbox;
import io.staysync.channels.sandbox.bookingcom.BookingComSandbox.Faults;
import io.staysync.channels.sandbox.bookingcom.SandboxReservation;
import io.staysync.channels.sandbox.bookingcom.SandboxReservation.Room;
import io.staysync.common.http.GuardedHttpClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The real client against the sandbox peer over real HTTP: tokens, both queues and their
 * acknowledgements, availability, and every fault the sandbox injects.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestPropertySource(properties = { "staysync.http.allow-private-addresses=true",
		"staysync.sandbox.booking-com.enabled=true", "staysync.scheduler.enabled=false" })
class BookingComContractIntegrationTests {

	static final LocalDate SOON = LocalDate.now().plusDays(30);

	@LocalServerPort
	int port;

	@Autowired
	GuardedHttpClient http;

	@Autowired
	BookingComSandbox sandbox;

	@Autowired
	Clock clock;

	final List<Long> slept = new ArrayList<>();

	BookingComClient client;

	@BeforeEach
	void freshPeer() {
		sandbox.reset();
		URI base = URI.create("http://127.0.0.1:" + port + "/sandbox/booking-com");
		client = new BookingComClient(http,
				BookingComSettings.defaults().at(URI.create(base + "/token-based-authentication/exchange"), base, base),
				clock, slept::add);
	}

	@Test
	void newReservationsArePulledUntilAcknowledgedThenGone() throws Exception {
		sandbox.queueNew(reservation("5001", 2));

		OtaDocument first = client.pull(credentials("sandbox-secret"), OtaQueue.NEW);
		OtaDocument again = client.pull(credentials("sandbox-secret"), OtaQueue.NEW);

		assertThat(first.ruid()).isNotBlank();
		assertThat(first.reservations()).singleElement().satisfies(reservation -> {
			assertThat(reservation.resId()).isEqualTo("5001");
			assertThat(reservation.roomStays()).hasSize(2);
			assertThat(reservation.roomStays().get(0).checkOut()).isEqualTo(SOON.plusDays(3));
		});
		assertThat(again.reservations()).as("re-delivered until acknowledged").hasSize(1);
		client.acknowledge(credentials("sandbox-secret"), OtaQueue.NEW, List.of("5001"));
		assertThat(client.pull(credentials("sandbox-secret"), OtaQueue.NEW).reservations()).isEmpty();
		assertThat(sandbox.state(true, "5001")).isEqualTo("ACKNOWLEDGED");
	}

	@Test
	void aStaleAcknowledgementIsRefusedWith400AndAnUnknownIdWith404() throws Exception {
		sandbox.queueNew(reservation("5002", 1));
		client.pull(credentials("sandbox-secret"), OtaQueue.NEW);
		client.acknowledge(credentials("sandbox-secret"), OtaQueue.NEW, List.of("5002"));

		assertThatExceptionOfType(BookingComException.class)
			.isThrownBy(() -> client.acknowledge(credentials("sandbox-secret"), OtaQueue.NEW, List.of("5002")))
			.satisfies(refused -> assertThat(refused.httpStatus()).isEqualTo(400));
		assertThatExceptionOfType(BookingComException.class)
			.isThrownBy(() -> client.acknowledge(credentials("sandbox-secret"), OtaQueue.NEW, List.of("9999")))
			.satisfies(refused -> assertThat(refused.httpStatus()).isEqualTo(404));
	}

	@Test
	void aReservationChangedAfterItsDeliveryRefusesTheAcknowledgementWith409() throws Exception {
		sandbox.queueNew(reservation("5003", 1));
		client.pull(credentials("sandbox-secret"), OtaQueue.NEW);
		sandbox.queueNew(reservation("5003", 2));

		assertThatExceptionOfType(BookingComException.class)
			.isThrownBy(() -> client.acknowledge(credentials("sandbox-secret"), OtaQueue.NEW, List.of("5003")))
			.satisfies(refused -> assertThat(refused.httpStatus()).isEqualTo(409));
		assertThat(client.pull(credentials("sandbox-secret"), OtaQueue.NEW).reservations().get(0).roomStays())
			.hasSize(2);
	}

	@Test
	void aCancellationArrivesOnTheModificationQueueWithoutRooms() throws Exception {
		sandbox.queueModification(new SandboxReservation("5004", "4410021", List.of(), null, null));

		OtaDocument pulled = client.pull(credentials("sandbox-secret"), OtaQueue.MODIFIED);

		assertThat(pulled.reservations()).singleElement()
			.satisfies(cancelled -> assertThat(cancelled.roomStays()).isEmpty());
		client.acknowledge(credentials("sandbox-secret"), OtaQueue.MODIFIED, List.of("5004"));
		assertThat(sandbox.state(false, "5004")).isEqualTo("ACKNOWLEDGED");
	}

	@Test
	void theTokenIsExchangedOnceAndReused() throws Exception {
		for (int i = 0; i < 5; i++) {
			client.pull(credentials("sandbox-secret"), OtaQueue.NEW);
		}

		assertThat(sandbox.tokenExchanges()).isEqualTo(1);
	}

	@Test
	void aTokenRefusedInTheMiddleOfABatchIsRenewedOnce() throws Exception {
		client.pull(credentials("sandbox-secret"), OtaQueue.NEW);
		sandbox.expireTokens();
		sandbox.queueNew(reservation("5005", 1));

		assertThat(client.pull(credentials("sandbox-secret"), OtaQueue.NEW).reservations()).hasSize(1);
		assertThat(sandbox.tokenExchanges()).isEqualTo(2);
	}

	@Test
	void wrongCredentialsAreSaidSoWithoutTheSecret() {
		assertThatExceptionOfType(BookingComException.class)
			.isThrownBy(() -> client.pull(credentials("not-the-secret"), OtaQueue.NEW))
			.satisfies(refused -> {
				assertThat(refused.reason()).isEqualTo(Reason.CREDENTIALS);
				assertThat(refused.getMessage()).contains("client id or secret").doesNotContain("not-the-secret");
			});
	}

	@Test
	void neverMoreThanThirtyTokensAnHour() throws Exception {
		BookingComClient forgetful = new BookingComClient(http, client.settings(), clock, slept::add) {
		};
		for (int i = 0; i < 30; i++) {
			// a fresh cache each time, as if every token were refused
			new BookingComClient(http, client.settings(), clock, slept::add).token(credentials("sandbox-secret"));
		}
		assertThat(sandbox.tokenExchanges()).isEqualTo(30);

		assertThatExceptionOfType(BookingComException.class)
			.isThrownBy(() -> forgetful.token(credentials("sandbox-secret")))
			.satisfies(refused -> assertThat(refused.reason()).isEqualTo(Reason.THROTTLED));
	}

	@Test
	void aThrottledPullWaitsForRetryAfterAndGetsThrough() throws Exception {
		sandbox.queueNew(reservation("5006", 1));
		sandbox.faults(new Faults(Duration.ZERO, 1, Duration.ofSeconds(2), 0, 0, false));

		assertThatExceptionOfType(BookingComException.class)
			.isThrownBy(() -> client.pull(credentials("sandbox-secret"), OtaQueue.NEW))
			.satisfies(refused -> assertThat(refused.reason()).isEqualTo(Reason.THROTTLED));
		assertThat(slept).containsExactly(2000L, 2000L);

		sandbox.faults(new Faults(Duration.ZERO, 2, Duration.ofSeconds(1), 0, 0, false));
		assertThat(client.pull(credentials("sandbox-secret"), OtaQueue.NEW).reservations()).hasSize(1);
	}

	@Test
	void aServerErrorIsRetriedAndThenSaidPlainly() throws Exception {
		sandbox.faults(new Faults(Duration.ZERO, 0, Duration.ZERO, 1, 0, false));

		assertThatExceptionOfType(BookingComException.class)
			.isThrownBy(() -> client.pull(credentials("sandbox-secret"), OtaQueue.NEW))
			.satisfies(refused -> {
				assertThat(refused.reason()).isEqualTo(Reason.DOWN);
				assertThat(refused.getMessage()).contains("Booking.com is having problems");
			});
		assertThat(slept).hasSize(2);
	}

	@Test
	void aTruncatedAnswerIsRefusedAndTheReservationComesBack() throws Exception {
		sandbox.queueNew(reservation("5007", 1));
		sandbox.faults(new Faults(Duration.ZERO, 0, Duration.ZERO, 0, 1, false));

		assertThatExceptionOfType(BookingComException.class)
			.isThrownBy(() -> client.pull(credentials("sandbox-secret"), OtaQueue.NEW))
			.satisfies(refused -> assertThat(refused.reason()).isEqualTo(Reason.MALFORMED));
		sandbox.faults(Faults.none());
		assertThat(client.pull(credentials("sandbox-secret"), OtaQueue.NEW).reservations()).hasSize(1);
	}

	@Test
	void duplicateDeliveriesAreListedTwice() throws Exception {
		sandbox.queueNew(reservation("5008", 1));
		sandbox.faults(new Faults(Duration.ZERO, 0, Duration.ZERO, 0, 0, true));

		OtaDocument pulled = client.pull(credentials("sandbox-secret"), OtaQueue.NEW);

		assertThat(pulled.reservations()).extracting(OtaReservation::resId).containsExactly("5008", "5008");
	}

	@Test
	void availabilityIsValidatedPerRangeWithBookingComsCodes() throws Exception {
		OtaDocument partial = client.pushAvailability(credentials("sandbox-secret"), "4410021",
				List.of(new AvailabilityRange("77120001", SOON, SOON.plusDays(3), true),
						new AvailabilityRange("99999999", SOON, SOON.plusDays(3), true),
						new AvailabilityRange("77120002", LocalDate.now().minusDays(10), SOON, false)));

		assertThat(partial.errors()).extracting(OtaDocument.OtaError::recordId, OtaDocument.OtaError::code)
			.containsExactly(tuple("2", "ROOM_ID_INVALID"), tuple("3", "NOT_A_VALID_DATE"));
		assertThatExceptionOfType(BookingComException.class)
			.isThrownBy(() -> client.pushAvailability(credentials("sandbox-secret"), "1234567",
					List.of(new AvailabilityRange("77120001", SOON, SOON, true))))
			.satisfies(refused -> assertThat(refused.reason()).isEqualTo(Reason.NO_ACCESS));
	}

	static SandboxReservation reservation(String resId, int rooms) {
		List<Room> stays = new ArrayList<>();
		for (int i = 1; i <= rooms; i++) {
			stays.add(new Room(i, i == 1 ? "77120001" : "77120002", SOON, 3, 2, 12000));
		}
		return new SandboxReservation(resId, "4410021", stays, "Ana", "Ferreira");
	}

	static ChannelCredentials credentials(String secret) {
		return new ChannelCredentials(null, ChannelType.BOOKING_COM, ChannelMode.API, "staysync-test", secret, null,
				null, List.of());
	}

}

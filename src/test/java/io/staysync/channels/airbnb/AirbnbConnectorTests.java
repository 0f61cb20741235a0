package io.staysync.channels.airbnb;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.staysync.bookings.BookingSource;
import io.staysync.bookings.BookingStatus;
import io.staysync.bookings.ChannelBooking;
import io.staysync.channels.AvailabilityPush;
import io.staysync.channels.AvailabilityWindow;
import io.staysync.channels.ChannelCredentials;
import io.staysync.channels.ChannelListing;
import io.staysync.channels.ChannelMode;
import io.staysync.channels.ChannelType;
import io.staysync.channels.ListingChanges;
import io.staysync.channels.OAuthTokens;
import io.staysync.channels.ReservationLookup;
import io.staysync.channels.SyncCursor;
import io.staysync.channels.airbnb.AirbnbStub.Reply;
import io.staysync.common.http.GuardedHttpClient;
import io.staysync.common.http.GuardedHttpSettings;

import static org.assertj.core.api.Assertions.assertThat;

/** The connector on recorded payloads: what a sync, a re-read and a push make of them. */
class AirbnbConnectorTests {

	static final Clock CLOCK = AirbnbClientTests.CLOCK;

	final InMemoryTokenStore store = new InMemoryTokenStore();

	final UUID integration = UUID.randomUUID();

	final UUID property = UUID.randomUUID();

	final ChannelListing listing = new ChannelListing("51234567", property, null, ZoneId.of("Europe/Lisbon"));

	final ChannelCredentials credentials = new ChannelCredentials(integration, ChannelType.AIRBNB, ChannelMode.API,
			"staysync-test", "the-client-secret", null, null, List.of(listing));

	AirbnbStub airbnb;

	AirbnbConnector connector;

	@BeforeEach
	void connected() throws Exception {
		airbnb = new AirbnbStub();
		AirbnbClient client = new AirbnbClient(
				new GuardedHttpClient(GuardedHttpSettings.defaults().withAllowPrivateAddresses(true), CLOCK),
				AirbnbSettings.defaults().at(airbnb.api(), URI.create("https://www.airbnb.com/oauth2/auth")), CLOCK,
				store, millis -> {
				});
		connector = new AirbnbConnector(client, CLOCK);
		store.store(integration,
				new OAuthTokens("access-1", "refresh-1", CLOCK.instant().plus(Duration.ofHours(12)), "1603070"));
	}

	@AfterEach
	void stop() {
		airbnb.close();
	}

	@Test
	void aSyncReportsEveryReservationWithItsStatusAndNeverCancelsByAbsence() {
		airbnb.script(request -> Reply.json(200, "{\"reservations\":[" + AirbnbStub.fixture("reservation.json") + ","
				+ AirbnbStub.fixture("reservation-null-money.json") + ","
				+ AirbnbStub.fixture("reservation-unknown-status.json") + "],\"paging\":{\"next_offset\":null}}"));

		ListingChanges changes = connector.fetchChanges(credentials, listing, SyncCursor.none());

		assertThat(changes.outcome()).isEqualTo(ListingChanges.Outcome.FETCHED);
		assertThat(changes.complete()).as("absence cancels nothing").isFalse();
		assertThat(changes.bookings()).extracting(ChannelBooking::externalId, ChannelBooking::status)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("HMXEPATDRY", BookingStatus.CONFIRMED),
					org.assertj.core.groups.Tuple.tuple("HMNULLMONY", BookingStatus.TENTATIVE));
		ChannelBooking confirmed = changes.bookings().get(0);
		assertThat(confirmed.source()).isEqualTo(BookingSource.AIRBNB);
		assertThat(confirmed.propertyId()).isEqualTo(property);
		assertThat(confirmed.externalListingId()).isEqualTo("51234567");
		assertThat(confirmed.key()).as("a confirmation code is the channel's: a move to another listing updates it")
			.isEqualTo(io.staysync.bookings.ChannelKey.channelWide(confirmed.integrationId(), "HMXEPATDRY"));
		assertThat(confirmed.checkOut()).isEqualTo(LocalDate.of(2031, 1, 3));
		assertThat(confirmed.totalAmount()).isEqualByComparingTo(new BigDecimal("1102.00"));
		assertThat(confirmed.currency()).isEqualTo("USD");
		assertThat(confirmed.guestEmail()).isEqualTo("nick-owme5321y975kcat@guest.airbnb.com");
		assertThat(confirmed.guestPhone()).isEqualTo("555-555-5555");
		assertThat(changes.bookings().get(1).totalAmount()).isNull();
		assertThat(changes.unusable()).singleElement().asString().contains("HMUNKNOWN1", "awaiting_host_review");
	}

	@Test
	void aFailedReadIsAFailedListingThatChangesNothing() {
		airbnb.script(request -> Reply.fixture(200, "truncated.json"));

		ListingChanges changes = connector.fetchChanges(credentials, listing, SyncCursor.none());

		assertThat(changes.outcome()).isEqualTo(ListingChanges.Outcome.FAILED);
		assertThat(changes.problem()).contains("not complete JSON");
		assertThat(changes.bookings()).isEmpty();
	}

	@Test
	void aNotifiedReservationIsReReadFoundUnknownOrOnAnUnmappedListing() {
		airbnb.script(request -> switch (request.path()) {
			case "/v2/reservations/HMXEPATDRY" ->
				Reply.json(200, "{\"reservation\":" + AirbnbStub.fixture("reservation.json") + "}");
			case "/v2/reservations/HMOTHERLST" -> Reply.json(200,
					AirbnbStub.fixture("reservation.json")
						.replace("HMXEPATDRY", "HMOTHERLST")
						.replace("51234567", "999"));
			default -> Reply.json(404, "{\"error_code\":404,\"error_type\":\"record_not_found\"}");
		});

		ReservationLookup found = connector.fetchReservation(credentials, "HMXEPATDRY");
		assertThat(found.booking()).hasValueSatisfying(booking -> {
			assertThat(booking.externalId()).isEqualTo("HMXEPATDRY");
			assertThat(booking.propertyId()).isEqualTo(property);
		});
		assertThat(connector.fetchReservation(credentials, "HMFORGED01").unknown()).isTrue();
		assertThat(connector.fetchReservation(credentials, "HMOTHERLST").unmappedListing()).isEqualTo("999");
		assertThat(connector.fetchReservation(credentials, "../users/me").unknown()).as("not even asked").isTrue();
		assertThat(airbnb.seen).noneMatch(request -> request.path().contains("users"));
	}

	@Test
	void availabilityGoesOutAsOneCalendarOperationsRequestFromTodayInThePropertysZone() {
		airbnb.script(request -> Reply.json(200, "{\"calendar_operation\":{}}"));
		LocalDate today = LocalDate.now(CLOCK.withZone(listing.timeZone()));
		AvailabilityWindow window = new AvailabilityWindow(property, today.minusDays(2), today.plusDays(5),
				new TreeSet<>(List.of(today.plusDays(1), today.plusDays(2))));

		AvailabilityPush push = connector.pushAvailability(credentials, listing, window);

		assertThat(push.outcome()).isEqualTo(AvailabilityPush.Outcome.PUSHED);
		AirbnbStub.Seen sent = airbnb.requests("calendar_operations").get(0);
		assertThat(sent.query()).containsEntry("_allow_dates_overlap", "true");
		assertThat(sent.body()).isEqualTo("{\"listing_id\":51234567,\"operations\":[{\"dates\":[\"" + today + "\",\""
				+ today.plusDays(3) + ":" + today.plusDays(4) + "\"],\"availability\":\"available\",\"notes\":"
				+ "\"Staysync\"},{\"dates\":[\"" + today.plusDays(1) + ":" + today.plusDays(2)
				+ "\"],\"availability\":\"unavailable\",\"notes\":\"Staysync\"}]}");
	}

	@Test
	void aRefusedPushFailsSayingWhyAndWhenToTryAgain() {
		airbnb.script(request -> Reply.json(429, "{\"error_code\":429,\"error_type\":\"rate_limited\"}")
			.with("Retry-After", "120"));
		LocalDate today = LocalDate.now(CLOCK);

		AvailabilityPush push = connector.pushAvailability(credentials, listing,
				new AvailabilityWindow(property, today, today.plusDays(3), new TreeSet<>()));

		assertThat(push.outcome()).isEqualTo(AvailabilityPush.Outcome.FAILED);
		assertThat(push.problem()).contains("listing 51234567", "slow down");
		assertThat(push.retryAfter()).isEqualTo(Duration.ofMinutes(2));
		assertThat(connector
			.pushAvailability(credentials, new ChannelListing("not-a-number", property, null),
					new AvailabilityWindow(property, today, today.plusDays(3), new TreeSet<>()))
			.problem()).contains("not an Airbnb listing id");
	}

	@Test
	void theConnectionCheckNamesTheAccountOrAsksToConnectFirst() {
		airbnb.script(request -> Reply.fixture(200, "user.json"));

		assertThat(connector.testConnection(credentials)).satisfies(check -> {
			assertThat(check.ok()).isTrue();
			assertThat(check.message()).isEqualTo("Connected to Airbnb as Maria (Airbnb user 1603070).");
		});
		store.revoked(integration, "test");
		assertThat(connector.testConnection(credentials)).satisfies(check -> {
			assertThat(check.ok()).isFalse();
			assertThat(check.message()).contains("connect Airbnb first");
		});
	}

	@Test
	void theAccountsListingsAreOfferedForMappingByIdAndName() {
		airbnb.script(request -> Reply.fixture(200, "listings-page.json"));

		assertThat(connector.listAccountListings(credentials).listings())
			.extracting(found -> found.externalListingId() + " " + found.name())
			.containsExactly("51234567 Harbour Loft", "51234568 Garden Studio", "51234569 Listing 51234569");
	}

}

package io.staysync.webhooks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

import io.staysync.bookings.BookingStatus;
import io.staysync.channels.OAuthTokenStore;
import io.staysync.channels.OAuthTokens;
import io.staysync.test.ApiIntegrationTest;
import io.staysync.webhooks.internal.WebhookSignatures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Airbnb's own notifications on the webhook route, with Airbnb's API as a test double:
 * each is stored once and answered {@code {"succeed": true}} at once, and what it changes
 * is only what re-reading the reservation from the API says. A forged or replayed one
 * changes nothing; a forged {@code authorization_revoked} neither; bad bodies are refused
 * and store nothing; the signed Standard Webhooks format keeps working beside it.
 */
@Import(AirbnbNotificationIntegrationTests.Api.class)
class AirbnbNotificationIntegrationTests extends ApiIntegrationTest {

	static final String LISTING = "51234567";

	static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

	static final LocalDate ARRIVAL = LocalDate.now().plusDays(30);

	@TestConfiguration
	static class Api {

		@Bean
		AirbnbPeer airbnbPeer(OAuthTokenStore tokens) {
			return new AirbnbPeer(tokens);
		}

	}

	@Autowired
	AirbnbPeer airbnb;

	@Autowired
	OAuthTokenStore tokens;

	UUID integration;

	@BeforeEach
	void airbnbConnectedInApiModeWithAMappedListing() throws Exception {
		airbnb.reset();
		resetChannels();
		String property = createProperty("Harbour Loft " + System.nanoTime(), "Europe/Lisbon", 4);
		mvc.perform(json(asAdmin(post("/api/integrations/airbnb/configure")),
				"{\"apiKey\":\"airbnb-client-0123456789abcdef\",\"apiSecret\":\"s3cret\",\"mode\":\"api\","
						+ "\"webhookSecret\":\"" + SECRET + "\"}"))
			.andExpect(status().isOk());
		mvc.perform(json(asAdmin(put("/api/integrations/airbnb/mappings")),
				"[{\"externalListingId\":\"" + LISTING + "\",\"propertyId\":\"" + property + "\"}]"))
			.andExpect(status().isOk());
		integration = jdbc.sql("select id from integrations where type = 'airbnb'").query(UUID.class).single();
		tokens.store(integration, new OAuthTokens("access-SECRET", "refresh-SECRET",
				Instant.now().plus(Duration.ofHours(24)), "1603070"));
	}

	@Test
	void aNotificationIsStoredOnceAnsweredAtOnceAndAppliedAsTheApiStatesIt() throws Exception {
		airbnb.reservations.put("HMQBQNB2K4", new AirbnbPeer.Reservation(LISTING, BookingStatus.CONFIRMED, ARRIVAL, 3));
		// The notification says 2 nights; the API says 3, and only the API is believed.
		String body = notification("reservation_acceptance_confirmation", "HMQBQNB2K4", "accept", 2);

		notify(body).andExpect(status().isOk()).andExpect(content().json("{\"succeed\":true}", true));
		awaitRunsEnded(1);
		notify(body).andExpect(status().isOk()).andExpect(content().json("{\"succeed\":true}", true));

		assertThat(count("webhook_inbox")).isEqualTo(1);
		assertThat(count("sync_runs")).isEqualTo(1);
		assertThat(jdbc.sql("select trigger from sync_runs").query(String.class).single()).isEqualTo("webhook");
		assertThat(booking("HMQBQNB2K4")).isEqualTo("CONFIRMED " + ARRIVAL + " " + ARRIVAL.plusDays(3));
		assertThat(airbnb.lookups).containsExactly("HMQBQNB2K4");
		assertThat(count("channel_rechecks")).isZero();
	}

	@Test
	void aForgedNotificationForAnUnknownReservationChangesNothing() throws Exception {
		notify(notification("reservation_acceptance_confirmation", "HMFORGED99", "accept", 5))
			.andExpect(status().isOk())
			.andExpect(content().json("{\"succeed\":true}"));
		awaitRunsEnded(1);

		assertThat(airbnb.lookups).containsExactly("HMFORGED99");
		assertThat(count("bookings where external_id = 'HMFORGED99'")).isZero();
		assertThat(jdbc.sql("select message from sync_run_listings").query(String.class).single())
			.contains("does not know", "changed nothing");
	}

	@Test
	void aForgedCancellationOfAKnownReservationChangesNothing() throws Exception {
		airbnb.reservations.put("HMKEEPME01", new AirbnbPeer.Reservation(LISTING, BookingStatus.CONFIRMED, ARRIVAL, 4));
		notify(notification("reservation_acceptance_confirmation", "HMKEEPME01", "accept", 4));
		awaitRunsEnded(1);
		String before = booking("HMKEEPME01");

		notify(notification("reservation_cancellation_confirmation", "HMKEEPME01", "cancelled_by_guest", 4))
			.andExpect(status().isOk());
		awaitRunsEnded(2);

		assertThat(booking("HMKEEPME01")).isEqualTo(before).startsWith("CONFIRMED");
	}

	@Test
	void aRealCancellationIsAppliedOnceTheApiSaysSo() throws Exception {
		airbnb.reservations.put("HMCANCEL01", new AirbnbPeer.Reservation(LISTING, BookingStatus.CONFIRMED, ARRIVAL, 2));
		notify(notification("reservation_acceptance_confirmation", "HMCANCEL01", "accept", 2));
		awaitRunsEnded(1);
		airbnb.reservations.put("HMCANCEL01", new AirbnbPeer.Reservation(LISTING, BookingStatus.CANCELLED, ARRIVAL, 2));

		notify(notification("reservation_cancellation_confirmation", "HMCANCEL01", "cancelled_by_guest", 2));
		awaitRunsEnded(2);

		assertThat(booking("HMCANCEL01")).startsWith("CANCELLED");
	}

	@Test
	void aForgedRevocationChangesNothingWhileAirbnbStillAcceptsTheAuthorization() throws Exception {
		notify("{\"action\":\"authorization_revoked\",\"user_id\":1603070}").andExpect(status().isOk())
			.andExpect(content().json("{\"succeed\":true}"));
		awaitRunsEnded(1);

		assertThat(tokens.tokens(integration)).isPresent();
		mvc.perform(asAdmin(get("/api/integrations/airbnb"))).andExpect(jsonPath("$.status").value("connected"));
		assertThat(jdbc.sql("select message from sync_run_listings").query(String.class).single())
			.contains("still accepts it", "changed nothing");
	}

	@Test
	void aRevocationAirbnbConfirmsForgetsTheTokensAndSaysToReconnect() throws Exception {
		airbnb.revoked = true;

		notify("{\"action\":\"authorization_revoked\",\"user_id\":1603070}").andExpect(status().isOk());
		awaitRunsEnded(1);

		assertThat(tokens.tokens(integration)).isEmpty();
		mvc.perform(asAdmin(get("/api/integrations/airbnb")))
			.andExpect(jsonPath("$.status").value("error"))
			.andExpect(jsonPath("$.statusMessage").value(containsString("reconnect")));
	}

	@Test
	void otherActionsAreStoredAndIgnored() throws Exception {
		notify("{\"action\":\"test_notification\"}").andExpect(status().isOk())
			.andExpect(content().json("{\"succeed\":true}"));
		notify("{\"action\":\"listings_mapped\",\"mappings\":[{\"listing_id\":1,\"updated_listing_id\":2}]}")
			.andExpect(status().isOk());

		assertThat(count("webhook_inbox")).isEqualTo(2);
		assertThat(count("sync_runs")).isZero();
		assertThat(airbnb.lookups).isEmpty();
	}

	@Test
	void aReservationAirbnbCannotAnswerForIsReadAgainLater() throws Exception {
		airbnb.failing = "HMLATER001";

		notify(notification("reservation_acceptance_confirmation", "HMLATER001", "accept", 2))
			.andExpect(status().isOk());
		awaitRunsEnded(1);

		assertThat(
				jdbc.sql("select attempts || ' ' || last_problem from channel_rechecks").query(String.class).single())
			.isEqualTo("1 Airbnb answered 503 three times");
		assertThat(jdbc.sql("select status from sync_runs").query(String.class).single()).isEqualTo("error");
		assertThat(count("bookings where external_id = 'HMLATER001'")).isZero();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					not JSON            | {not json                                                     | 400 | not valid JSON
					not an object       | ["reservation_acceptance_confirmation"]                       | 400 | JSON object
					no action           | {"reservation":{"confirmation_code":"HMQBQNB2K4"}}            | 400 | action
					action not a word   | {"action":"<script>"}                                         | 400 | action
					code not a string   | {"action":"reservation_requested","reservation":{"confirmation_code":42}} | 400 | confirmation_code
					code with a slash   | {"action":"reservation_requested","reservation":{"confirmation_code":"../x"}} | 400 | confirmation_code
					reservation a list  | {"action":"reservation_requested","reservation":[]}          | 400 | confirmation_code
					empty               | ''                                                            | 400 | is empty
					""")
	void badBodiesAreRefusedAndStoreNothing(String name, String body, int expected, String reason) throws Exception {
		notify(body).andExpect(status().is(expected)).andExpect(jsonPath("$.detail").value(containsString(reason)));

		assertThat(count("webhook_inbox")).isZero();
		assertThat(count("channel_rechecks")).isZero();
	}

	@Test
	void anOversizedNotificationIsRefused() throws Exception {
		String body = "{\"action\":\"message_added\",\"text\":\"" + "x".repeat(70 * 1024) + "\"}";

		notify(body).andExpect(status().isContentTooLarge());

		assertThat(count("webhook_inbox")).isZero();
	}

	@Test
	void outsideApiModeTheFormatIsRefusedClearly() throws Exception {
		mvc.perform(json(asAdmin(post("/api/integrations/airbnb/configure")), "{\"mode\":\"ical\"}"))
			.andExpect(status().isOk());

		notify(notification("reservation_acceptance_confirmation", "HMQBQNB2K4", "accept", 2))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.detail")
				.value(containsString("only while the Airbnb integration is connected in" + " API mode")));

		assertThat(count("webhook_inbox")).isZero();
		assertThat(airbnb.lookups).isEmpty();
	}

	@Test
	void signedStandardWebhooksStillWorkInApiMode() throws Exception {
		String body = "{\"type\":\"reservation.changed\"}";
		long now = Instant.now().getEpochSecond();
		String id = "msg_" + UUID.randomUUID();

		mvc.perform(post("/api/integrations/airbnb/webhook").contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.header("webhook-id", id)
			.header("webhook-timestamp", String.valueOf(now))
			.header("webhook-signature",
					WebhookSignatures.sign(SECRET, id, now, body.getBytes(StandardCharsets.UTF_8))))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.duplicate").value(false));
		mvc.perform(post("/api/integrations/airbnb/webhook").contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.header("webhook-id", id)
			.header("webhook-timestamp", String.valueOf(now))
			.header("webhook-signature", "v1,AAAA")).andExpect(status().isUnauthorized());

		assertThat(count("webhook_inbox")).isEqualTo(1);
	}

	private ResultActions notify(String body) throws Exception {
		return mvc
			.perform(post("/api/integrations/airbnb/webhook").contentType(MediaType.APPLICATION_JSON).content(body));
	}

	private static String notification(String action, String code, String statusType, int nights) {
		return """
				{"action":"%s","reservation":{"confirmation_code":"%s","status_type":"%s","listing_id":%s,\
				"start_date":"%s","nights":%d,"guest_details":{"number_of_adults":2,"number_of_children":0},\
				"expected_payout_amount_accurate":"1102.00"}}""".formatted(action, code, statusType, LISTING, ARRIVAL,
				nights);
	}

	private void awaitRunsEnded(long runs) {
		await().atMost(Duration.ofSeconds(30))
			.until(() -> count("sync_runs") >= runs && count("sync_runs where status = 'running'") == 0);
	}

	private String booking(String code) {
		return jdbc.sql("select status || ' ' || check_in || ' ' || check_out from bookings where external_id = :code")
			.param("code", code)
			.query(String.class)
			.single();
	}

}

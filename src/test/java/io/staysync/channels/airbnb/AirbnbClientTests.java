package io.staysync.channels.airbnb;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import tools.jackson.databind.JsonNode;

import io.staysync.channels.ChannelCredentials;
import io.staysync.channels.ChannelMode;
import io.staysync.channels.ChannelType;
import io.staysync.channels.OAuthTokens;
import io.staysync.channels.airbnb.AirbnbException.Reason;
import io.staysync.channels.airbnb.AirbnbStub.Reply;
import io.staysync.channels.airbnb.AirbnbStub.Seen;
import io.staysync.common.http.GuardedHttpClient;
import io.staysync.common.http.GuardedHttpSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The client against recorded Airbnb payloads and a scripted peer: tokens, headers, the
 * page walk, error bodies, throttling, garbage and time-outs.
 */
class AirbnbClientTests {

	static final Clock CLOCK = Clock.fixed(Instant.parse("2030-06-01T10:00:00Z"), ZoneOffset.UTC);

	static final String LISTING = "51234567";

	final List<Long> slept = new ArrayList<>();

	final InMemoryTokenStore store = new InMemoryTokenStore();

	final UUID integration = UUID.randomUUID();

	final ChannelCredentials credentials = new ChannelCredentials(integration, ChannelType.AIRBNB, ChannelMode.API,
			"staysync-test", "the-client-secret", null, null, List.of());

	AirbnbStub airbnb;

	AirbnbClient client;

	@BeforeEach
	void connected() throws Exception {
		airbnb = new AirbnbStub();
		client = client(GuardedHttpSettings.defaults().withAllowPrivateAddresses(true), 2, 5);
		store.store(integration,
				new OAuthTokens("access-1", "refresh-1", CLOCK.instant().plus(Duration.ofHours(12)), "1603070"));
		store.stored.clear();
	}

	@AfterEach
	void stop() {
		airbnb.close();
	}

	@Test
	void aCodeIsExchangedWithBasicClientCredentialsForTheRecordedTokenAnswer() throws Exception {
		airbnb.script(request -> Reply.fixture(200, "token.json"));

		OAuthTokens tokens = client.exchange("staysync-test", "the-client-secret", "the-code");

		assertThat(tokens.accessToken()).isEqualTo("40xdf4fvdotrpnwv6tkuroaze");
		assertThat(tokens.refreshToken()).isEqualTo("d1gwltceepbiouw6dznxpf7k2");
		assertThat(tokens.expiresAt()).isEqualTo(Instant.ofEpochSecond(1422594787));
		assertThat(tokens.accountId()).isEqualTo("1603070");
		Seen exchange = airbnb.requests("oauth2/authorizations").get(0);
		assertThat(exchange.method()).isEqualTo("POST");
		assertThat(exchange.header("Authorization")).isEqualTo("Basic " + Base64.getEncoder()
			.encodeToString("staysync-test:the-client-secret".getBytes(StandardCharsets.UTF_8)));
		assertThat(exchange.body()).isEqualTo("{\"code\":\"the-code\"}");
		assertThat(exchange.header("X-Airbnb-OAuth-Token")).isNull();
	}

	@Test
	void everyCallCarriesTheAccessTokenAndTheApiKey() throws Exception {
		airbnb.script(request -> Reply.fixture(200, "user.json"));

		JsonNode me = client.me(credentials);

		assertThat(me.get("id").asLong()).isEqualTo(1603070L);
		Seen call = airbnb.requests("users/me").get(0);
		assertThat(call.header("X-Airbnb-OAuth-Token")).isEqualTo("access-1");
		assertThat(call.header("X-Airbnb-API-Key")).isEqualTo("staysync-test");
		assertThat(call.header("Authorization")).isNull();
	}

	@Test
	void reservationsArePagedUntilNextOffsetIsNull() throws Exception {
		airbnb.script(request -> request.query().get("_offset").equals("0")
				? Reply.fixture(200, "reservations-page.json") : Reply.fixture(200, "reservations-last-page.json"));

		List<JsonNode> reservations = client.reservations(credentials, LISTING);

		assertThat(reservations).extracting(reservation -> reservation.get("confirmation_code").asString())
			.containsExactly("HMPAGE0001", "HMPAGE0002", "HMPAGE0003");
		assertThat(airbnb.requests("reservations")).extracting(Seen::query)
			.extracting(query -> query.get("listing_id") + "/" + query.get("_limit") + "/" + query.get("_offset"))
			.containsExactly(LISTING + "/2/0", LISTING + "/2/2");
	}

	@Test
	void pagingThatNeverEndsStopsAtTheCapWithAClearError() {
		airbnb.script(request -> Reply.json(200, AirbnbStub.fixture("reservations-endless-page.json")
			.replace("NEXT_OFFSET", String.valueOf(Integer.parseInt(request.query().get("_offset")) + 2))));

		assertThatExceptionOfType(AirbnbException.class).isThrownBy(() -> client.reservations(credentials, LISTING))
			.satisfies(failed -> {
				assertThat(failed.reason()).isEqualTo(Reason.MALFORMED);
				assertThat(failed.getMessage()).contains("after 5 pages", "changed nothing");
			});
		assertThat(airbnb.requests("reservations")).hasSize(5);
	}

	@Test
	void pagingWhoseOffsetDoesNotMoveOnIsRefused() {
		airbnb.script(request -> Reply.json(200,
				AirbnbStub.fixture("reservations-endless-page.json").replace("NEXT_OFFSET", "0")));

		assertThatExceptionOfType(AirbnbException.class).isThrownBy(() -> client.reservations(credentials, LISTING))
			.satisfies(failed -> assertThat(failed.getMessage()).contains("does not move on"));
		assertThat(airbnb.requests("reservations")).hasSize(1);
	}

	@Test
	void anAccessTokenExpiringInTheMiddleOfAPageWalkIsRefreshedOnceAndTheWalkGoesOn() throws Exception {
		airbnb.script(request -> {
			if (request.path().endsWith("oauth2/authorizations")) {
				return Reply.json(200, "{\"access_token\":\"access-2\",\"expires_at\":"
						+ CLOCK.instant().plus(Duration.ofHours(24)).getEpochSecond() + ",\"user_id\":1603070}");
			}
			if (request.query().get("_offset").equals("0")) {
				return Reply.fixture(200, "reservations-page.json");
			}
			return request.header("X-Airbnb-OAuth-Token").equals("access-2")
					? Reply.fixture(200, "reservations-last-page.json")
					: Reply.fixture(401, "error-authentication-required.json");
		});

		assertThat(client.reservations(credentials, LISTING)).hasSize(3);
		assertThat(airbnb.requests("oauth2/authorizations")).singleElement()
			.satisfies(refresh -> assertThat(refresh.body()).isEqualTo("{\"refresh_token\":\"refresh-1\"}"));
		assertThat(airbnb.requests("reservations")).extracting(request -> request.header("X-Airbnb-OAuth-Token"))
			.containsExactly("access-1", "access-1", "access-2");
		assertThat(store.stored).singleElement().satisfies(renewed -> {
			assertThat(renewed.accessToken()).isEqualTo("access-2");
			assertThat(renewed.refreshToken()).as("kept when the answer has none").isEqualTo("refresh-1");
		});
	}

	@Test
	void aTokenAboutToExpireIsRefreshedBeforeTheCall() throws Exception {
		store.store(integration,
				new OAuthTokens("access-1", "refresh-1", CLOCK.instant().plus(Duration.ofMinutes(5)), "1603070"));
		airbnb.script(request -> request.path().endsWith("oauth2/authorizations")
				? Reply.json(200,
						"{\"access_token\":\"access-2\",\"expires_at\":"
								+ CLOCK.instant().plus(Duration.ofHours(24)).getEpochSecond()
								+ ",\"refresh_token\":\"refresh-2\",\"user_id\":1603070}")
				: Reply.fixture(200, "user.json"));

		client.me(credentials);

		assertThat(airbnb.requests("users/me")).singleElement()
			.satisfies(call -> assertThat(call.header("X-Airbnb-OAuth-Token")).isEqualTo("access-2"));
		assertThat(store.tokens(integration).orElseThrow().refreshToken()).isEqualTo("refresh-2");
	}

	@Test
	void aRevokedAuthorizationIsReportedToTheStoreSayingToReconnect() {
		airbnb.script(request -> Reply.fixture(401, "error-authorization-revoked.json"));

		assertThatExceptionOfType(AirbnbException.class).isThrownBy(() -> client.me(credentials))
			.satisfies(failed -> assertThat(failed.reason()).isEqualTo(Reason.REVOKED));
		assertThat(store.revocations).singleElement().asString().contains("Connect Airbnb again");
		assertThat(airbnb.requests("oauth2/authorizations")).as("nothing to refresh").isEmpty();
	}

	@Test
	void aRefreshAirbnbRefusesRevokesTheAuthorization() {
		airbnb.script(request -> request.path().endsWith("oauth2/authorizations")
				? Reply.json(400,
						"{\"error_code\":400,\"error_type\":\"invalid_grant\",\"error_message\":\"Bad token.\"}")
				: Reply.fixture(401, "error-authentication-required.json"));

		assertThatExceptionOfType(AirbnbException.class).isThrownBy(() -> client.me(credentials)).satisfies(failed -> {
			assertThat(failed.reason()).isEqualTo(Reason.REVOKED);
			assertThat(failed.getMessage()).contains("invalid_grant: Bad token.", "Connect Airbnb again")
				.doesNotContain("refresh-1")
				.doesNotContain("the-client-secret");
		});
		assertThat(store.revocations).hasSize(1);
		assertThat(store.tokens(integration)).isEmpty();
	}

	@Test
	void airbnbsErrorBodiesAreQuotedInPlainWordsWithoutTheirInternals() {
		airbnb.script(request -> Reply.fixture(403, "error-no-access.json"));

		assertThatExceptionOfType(AirbnbException.class).isThrownBy(() -> client.reservations(credentials, LISTING))
			.satisfies(failed -> {
				assertThat(failed.reason()).isEqualTo(Reason.NO_ACCESS);
				assertThat(failed.getMessage())
					.contains("HTTP 403, no_access: You do not have permission to access this resource.")
					.doesNotContain("ServiceRequestAuthorizationError")
					.doesNotContain("c1e7b1de");
			});
	}

	@Test
	void anUnknownReservationIsEmptyNotAnError() throws Exception {
		airbnb.script(request -> Reply.json(404,
				"{\"error_code\":404,\"error_type\":\"record_not_found\",\"error_message\":\"Not found.\"}"));

		assertThat(client.reservation(credentials, "HMNOSUCH01")).isEmpty();
		assertThat(airbnb.requests("reservations/HMNOSUCH01")).hasSize(1);
	}

	@Test
	void listingsAreReadWrappedOrNot() throws Exception {
		airbnb.script(request -> Reply.fixture(200, "listings-page.json"));

		assertThat(client.listings(credentials)).extracting(listing -> listing.get("id").asString())
			.containsExactly("51234567", "51234568", "51234569");
		assertThat(airbnb.requests("listings").get(0).query()).containsEntry("user_id", "1603070");
	}

	@Test
	void anHtmlPageServedWith200IsAClearFailure() {
		airbnb.script(request -> Reply.fixture(200, "login-page.html").as("text/html"));

		assertThatExceptionOfType(AirbnbException.class).isThrownBy(() -> client.reservations(credentials, LISTING))
			.satisfies(failed -> {
				assertThat(failed.reason()).isEqualTo(Reason.MALFORMED);
				assertThat(failed.getMessage()).contains("web page instead of JSON");
			});
	}

	@Test
	void truncatedOrGarbledJsonIsAClearFailure() {
		airbnb.script(request -> Reply.fixture(200, "truncated.json"));

		assertThatExceptionOfType(AirbnbException.class).isThrownBy(() -> client.reservations(credentials, LISTING))
			.satisfies(failed -> assertThat(failed.getMessage()).contains("not complete JSON"));
		airbnb.script(request -> Reply.json(200, "{\"reservations\": 12}"));
		assertThatExceptionOfType(AirbnbException.class).isThrownBy(() -> client.reservations(credentials, LISTING))
			.satisfies(failed -> assertThat(failed.getMessage()).contains("no list of reservations"));
	}

	@Test
	void aThrottlingStormIsWaitedOutAsAskedThenReportedWithItsRetryAfter() {
		airbnb.script(request -> Reply.json(429, "{\"error_code\":429,\"error_type\":\"rate_limited\"}")
			.with("Retry-After", "7"));

		assertThatExceptionOfType(AirbnbException.class).isThrownBy(() -> client.me(credentials)).satisfies(failed -> {
			assertThat(failed.reason()).isEqualTo(Reason.THROTTLED);
			assertThat(failed.retryAfter()).isEqualTo(Duration.ofSeconds(7));
			assertThat(failed.getMessage()).contains("slow down", "HTTP 429");
		});
		assertThat(slept).containsExactly(7000L, 7000L);
		assertThat(airbnb.requests("users/me")).hasSize(3);
	}

	@Test
	void statuses405And503AreThrottlingTooAndPassWhenAirbnbRecovers() throws Exception {
		List<Integer> statuses = new ArrayList<>(List.of(405, 503));
		airbnb.script(request -> statuses.isEmpty() ? Reply.fixture(200, "user.json")
				: Reply.json(statuses.remove(0), "{}").with("Retry-After", "2"));

		assertThat(client.me(credentials).get("first_name").asString()).isEqualTo("Maria");
		assertThat(slept).containsExactly(2000L, 2000L);
	}

	@Test
	void aRetryAfterBeyondTheLongestWaitIsNotWaitedOut() {
		airbnb.script(request -> Reply.json(503, "{}").with("Retry-After", "3600"));

		assertThatExceptionOfType(AirbnbException.class).isThrownBy(() -> client.me(credentials))
			.satisfies(failed -> assertThat(failed.retryAfter()).isEqualTo(Duration.ofHours(1)));
		assertThat(slept).isEmpty();
		assertThat(airbnb.requests("users/me")).hasSize(1);
	}

	@Test
	void aServerErrorIsRetriedThenSaidPlainly() {
		airbnb.script(request -> Reply.json(500, "<html>oops</html>").as("text/html"));

		assertThatExceptionOfType(AirbnbException.class).isThrownBy(() -> client.me(credentials)).satisfies(failed -> {
			assertThat(failed.reason()).isEqualTo(Reason.DOWN);
			assertThat(failed.getMessage()).contains("Airbnb is having problems of its own (HTTP 500)");
		});
		assertThat(slept).hasSize(2);
	}

	@Test
	void aPeerThatStopsAnsweringTimesOutAndIsRetried() throws Exception {
		client = client(new GuardedHttpSettings(Duration.ofSeconds(1), Duration.ofMillis(300), Duration.ofSeconds(3),
				DataSize.ofMegabytes(5), 0, true), 2, 5);
		airbnb.script(request -> Reply.fixture(200, "user.json").stalling(2000));

		assertThatExceptionOfType(AirbnbException.class).isThrownBy(() -> client.me(credentials)).satisfies(failed -> {
			assertThat(failed.reason()).isEqualTo(Reason.NETWORK);
			assertThat(failed.getMessage()).contains("Airbnb could not be reached", "stopped answering");
		});
		assertThat(slept).hasSize(2);
	}

	@Test
	void withoutTokensNothingIsCalledAndTheHostIsAskedToConnectFirst() {
		store.revoked(integration, "test");

		assertThatExceptionOfType(AirbnbException.class).isThrownBy(() -> client.me(credentials)).satisfies(failed -> {
			assertThat(failed.reason()).isEqualTo(Reason.NOT_CONNECTED);
			assertThat(failed.getMessage()).contains("connect Airbnb first");
		});
		assertThat(airbnb.seen).isEmpty();
	}

	@Test
	void aRefusedExchangeSaysWhyWithoutTheSecretOrTheCode() {
		airbnb.script(request -> Reply.json(401,
				"{\"error_code\":401,\"error_type\":\"invalid_client\",\"error_message\":\"Bad client.\"}"));

		assertThatExceptionOfType(AirbnbException.class)
			.isThrownBy(() -> client.exchange("staysync-test", "the-client-secret", "the-code"))
			.satisfies(failed -> assertThat(failed.getMessage()).contains("HTTP 401, invalid_client: Bad client.")
				.doesNotContain("the-client-secret")
				.doesNotContain("the-code"));
	}

	@Test
	void theConsentUrlCarriesTheClientRedirectScopeAndState() {
		AirbnbClient scoped = new AirbnbClient(null, new AirbnbSettings(URI.create("https://api.airbnb.com/v2"),
				URI.create("https://www.airbnb.com/oauth2/auth"), "vr_partner", 50, 200, Duration.ofMinutes(10), false),
				CLOCK, store, slept::add);

		assertThat(scoped.authorizeUrl("client 1", URI.create("https://staysync.example/cb?x=1"), "s/1"))
			.hasToString("https://www.airbnb.com/oauth2/auth?client_id=client+1&redirect_uri="
					+ "https%3A%2F%2Fstaysync.example%2Fcb%3Fx%3D1&scope=vr_partner&state=s%2F1");
	}

	AirbnbClient client(GuardedHttpSettings http, int pageSize, int maxPages) {
		return new AirbnbClient(new GuardedHttpClient(http, CLOCK),
				AirbnbSettings.defaults()
					.at(airbnb.api(), URI.create("https://www.airbnb.com/oauth2/auth"))
					.paging(pageSize, maxPages),
				CLOCK, store, slept::add);
	}

}

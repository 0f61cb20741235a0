package io.staysync.channels.airbnb;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import io.staysync.channels.ChannelAuthorization.AuthorizationFailed;
import io.staysync.channels.ChannelCredentials;
import io.staysync.channels.ChannelMode;
import io.staysync.channels.ChannelType;
import io.staysync.channels.OAuthTokens;
import io.staysync.channels.airbnb.AirbnbException.Reason;
import io.staysync.channels.sandbox.airbnb.AirbnbSandbox;
import io.staysync.common.http.GuardedHttpClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

/**
 * Airbnb's OAuth 2 flow with the real client against the sandbox over HTTP: the consent
 * page and its two answers, the single-use code, refreshing, and an authorization the
 * host revoked.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestPropertySource(properties = { "staysync.http.allow-private-addresses=true", "staysync.sandbox.airbnb.enabled=true",
		"staysync.scheduler.enabled=false" })
class AirbnbOAuthContractIntegrationTests {

	static final String CLIENT_ID = "staysync-test";

	static final String SECRET = "sandbox-secret";

	static final URI CALLBACK = URI.create("https://staysync.example/integrations/airbnb/oauth/callback");

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

	static final HttpClient BROWSER = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	AirbnbClient client;

	AirbnbAuthorization authorization;

	@BeforeEach
	void freshPeer() {
		sandbox.reset();
		client = new AirbnbClient(http, sandboxSettings(port), clock, store, slept::add);
		authorization = new AirbnbAuthorization(client);
	}

	@Test
	void theConsentPageAsksTheHostAndAllowSendsACodeAndTheStateBack() throws Exception {
		URI consent = authorization.authorizeUrl(CLIENT_ID, CALLBACK, "state-123");

		HttpResponse<String> page = BROWSER.send(HttpRequest.newBuilder(consent).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(consent.getQuery()).contains("client_id=staysync-test")
			.contains("redirect_uri=" + CALLBACK)
			.contains("state=state-123");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Allow", "Deny", "staysync-test");

		Map<String, String> back = decide(consent, "allow");

		assertThat(back).containsEntry("state", "state-123").containsKey("code").doesNotContainKey("error");
		OAuthTokens tokens = authorization.exchange(CLIENT_ID, SECRET, back.get("code"), CALLBACK);
		assertThat(tokens.accessToken()).isNotBlank();
		assertThat(tokens.refreshToken()).isNotBlank();
		assertThat(tokens.accountId()).isEqualTo("1603070");
		assertThat(tokens.expiresAt()).isCloseTo(clock.instant().plus(Duration.ofHours(24)),
				within(Duration.ofMinutes(1)));
	}

	@Test
	void denySendsAccessDeniedBackWithTheState() throws Exception {
		Map<String, String> back = decide(authorization.authorizeUrl(CLIENT_ID, CALLBACK, "state-456"), "deny");

		assertThat(back).containsEntry("error", "access_denied")
			.containsEntry("state", "state-456")
			.doesNotContainKey("code");
	}

	@Test
	void aCodeWorksOnceAndOnlyWithTheRightSecret() throws Exception {
		String code = decide(authorization.authorizeUrl(CLIENT_ID, CALLBACK, "s"), "allow").get("code");

		assertThatExceptionOfType(AuthorizationFailed.class)
			.isThrownBy(() -> authorization.exchange(CLIENT_ID, "not-the-secret", "another-code", CALLBACK))
			.satisfies(refused -> assertThat(refused.getMessage()).contains("HTTP 401", "invalid_client")
				.doesNotContain("not-the-secret"));
		authorization.exchange(CLIENT_ID, SECRET, code, CALLBACK);
		assertThatExceptionOfType(AuthorizationFailed.class)
			.isThrownBy(() -> authorization.exchange(CLIENT_ID, SECRET, code, CALLBACK))
			.satisfies(refused -> assertThat(refused.getMessage()).contains("HTTP 400", "already used")
				.doesNotContain(code));
	}

	@Test
	void anExpiredAccessTokenIsRefreshedAndStoredKeepingTheRefreshToken() throws Exception {
		ChannelCredentials credentials = connected();
		OAuthTokens first = store.tokens(credentials.integrationId()).orElseThrow();
		sandbox.expireAccessTokens();

		OAuthTokens renewed = client.refresh(credentials, first);

		assertThat(renewed.accessToken()).isNotEqualTo(first.accessToken());
		assertThat(renewed.refreshToken()).isEqualTo(first.refreshToken());
		assertThat(renewed.accountId()).isEqualTo("1603070");
		assertThat(store.tokens(credentials.integrationId())).contains(renewed);
		assertThat(sandbox.tokenRefreshes()).isEqualTo(1);
	}

	@Test
	void aRefreshAfterAnotherCallerRenewedTheTokenUsesTheirs() throws Exception {
		ChannelCredentials credentials = connected();
		OAuthTokens first = store.tokens(credentials.integrationId()).orElseThrow();
		OAuthTokens renewed = client.refresh(credentials, first);

		assertThat(client.refresh(credentials, first)).isEqualTo(renewed);
		assertThat(sandbox.tokenRefreshes()).isEqualTo(1);
	}

	@Test
	void aRefusedRefreshRevokesTheAuthorizationSayingToReconnect() throws Exception {
		ChannelCredentials credentials = connected();
		OAuthTokens first = store.tokens(credentials.integrationId()).orElseThrow();
		sandbox.revokeAuthorizations();

		assertThatExceptionOfType(AirbnbException.class).isThrownBy(() -> client.refresh(credentials, first))
			.satisfies(refused -> {
				assertThat(refused.reason()).isEqualTo(Reason.REVOKED);
				assertThat(refused.getMessage()).contains("Connect Airbnb again", "invalid_grant")
					.doesNotContain(first.refreshToken());
			});
		assertThat(store.revocations).singleElement().asString().contains("Connect Airbnb again");
		assertThat(store.tokens(credentials.integrationId())).isEmpty();
	}

	ChannelCredentials connected() throws Exception {
		return connect(port, authorization, store);
	}

	/** An integration whose host allowed Staysync, its tokens stored. */
	static ChannelCredentials connect(int port, AirbnbAuthorization authorization, InMemoryTokenStore store)
			throws Exception {
		String code = decide(port, authorization.authorizeUrl(CLIENT_ID, CALLBACK, "s"), "allow").get("code");
		ChannelCredentials credentials = credentials(UUID.randomUUID());
		store.store(credentials.integrationId(), authorization.exchange(CLIENT_ID, SECRET, code, CALLBACK));
		return credentials;
	}

	Map<String, String> decide(URI consent, String decision) throws IOException, InterruptedException {
		return decide(port, consent, decision);
	}

	/** Submits the consent page's form as the host's browser would; where it led. */
	static Map<String, String> decide(int port, URI consent, String decision) throws IOException, InterruptedException {
		Map<String, String> query = query(consent);
		StringBuilder form = new StringBuilder("decision=" + decision);
		for (String field : List.of("client_id", "redirect_uri", "scope", "state")) {
			form.append('&')
				.append(field)
				.append('=')
				.append(java.net.URLEncoder.encode(query.getOrDefault(field, ""), StandardCharsets.UTF_8));
		}
		HttpResponse<String> answer = BROWSER
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/sandbox/airbnb/oauth2/auth"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form.toString()))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(answer.statusCode()).isEqualTo(302);
		URI location = URI.create(answer.headers().firstValue("Location").orElseThrow());
		assertThat(location.getHost()).isEqualTo(CALLBACK.getHost());
		assertThat(location.getPath()).isEqualTo(CALLBACK.getPath());
		return query(location);
	}

	static Map<String, String> query(URI uri) {
		Map<String, String> query = new LinkedHashMap<>();
		for (String pair : uri.getRawQuery().split("&")) {
			String[] parts = pair.split("=", 2);
			query.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
					parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
		}
		return query;
	}

	static AirbnbSettings sandboxSettings(int port) {
		String base = "http://127.0.0.1:" + port + "/sandbox/airbnb";
		return AirbnbSettings.defaults().at(URI.create(base + "/v2"), URI.create(base + "/oauth2/auth"));
	}

	static ChannelCredentials credentials(UUID integrationId) {
		return new ChannelCredentials(integrationId, ChannelType.AIRBNB, ChannelMode.API, CLIENT_ID, SECRET, null, null,
				List.of());
	}

}

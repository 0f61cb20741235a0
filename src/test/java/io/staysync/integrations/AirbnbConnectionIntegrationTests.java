package io.staysync.integrations;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.util.UriComponentsBuilder;

import com.jayway.jsonpath.JsonPath;

import io.staysync.channels.OAuthTokenStore;
import io.staysync.channels.OAuthTokens;
import io.staysync.test.ConsoleIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Connecting Airbnb by OAuth through the real HTTP stack, with Airbnb's consent and code
 * exchange as a test double: start, consent, callback, tokens sealed; and each callback
 * that must be refused (unknown, spent or expired state, another user's, consent
 * declined, a code Airbnb refuses) stores nothing and is audited. No code, state or token
 * appears in a response, the audit log or the log.
 */
@ExtendWith(OutputCaptureExtension.class)
@org.springframework.context.annotation.Import(AirbnbConnectionIntegrationTests.Consent.class)
@TestPropertySource(properties = "staysync.integrations.public-url=")
class AirbnbConnectionIntegrationTests extends ConsoleIntegrationTest {

	static final String CLIENT_ID = "airbnb-client-0123456789abcdef";

	static final String CLIENT_SECRET = "airbnb-client-SECRET-a1b2c3d4";

	@TestConfiguration
	static class Consent {

		@Bean
		TestAuthorization testAuthorization() {
			return new TestAuthorization();
		}

	}

	@Autowired
	TestAuthorization airbnb;

	@Autowired
	OAuthTokenStore tokens;

	@BeforeEach
	void airbnbWithItsClient() throws Exception {
		resetChannels();
		airbnb.exchanges.clear();
		jdbc.sql("delete from audit_events where action like 'integration.%'").update();
		mvc.perform(json(asAdmin(post("/api/integrations/airbnb/configure")),
				"{\"apiKey\":\"" + CLIENT_ID + "\",\"apiSecret\":\"" + CLIENT_SECRET + "\",\"mode\":\"api\"}"))
			.andExpect(status().isOk());
	}

	@Test
	void startConsentCallbackStoresTheTokensSealedAndShowsTheAccount(CapturedOutput output) throws Exception {
		MockHttpSession admin = admin();
		String state = start();

		mvc.perform(get("/integrations/airbnb/oauth/callback").param("code", TestAuthorization.GOOD_CODE)
			.param("state", state)
			.session(admin))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/integrations"))
			.andExpect(flash().attribute("flash", org.hamcrest.Matchers.containsString("account 1603070")));

		assertThat(airbnb.exchanges).singleElement().satisfies(exchanged -> {
			assertThat(exchanged.clientId()).isEqualTo(CLIENT_ID);
			assertThat(exchanged.clientSecret()).isEqualTo(CLIENT_SECRET);
			assertThat(exchanged.redirectUri()).hasToString("http://localhost/integrations/airbnb/oauth/callback");
		});
		String row = jdbc
			.sql("select status || ' ' || mode || ' ' || connected_account || ' ' || access_token || ' '"
					+ " || refresh_token from integrations where type = 'airbnb'")
			.query(String.class)
			.single();
		assertThat(row).startsWith("connected api 1603070 ")
			.doesNotContain(TestAuthorization.ACCESS_TOKEN)
			.doesNotContain(TestAuthorization.REFRESH_TOKEN);
		assertThat(tokens.tokens(airbnbId())).hasValueSatisfying(stored -> {
			assertThat(stored.accessToken()).isEqualTo(TestAuthorization.ACCESS_TOKEN);
			assertThat(stored.refreshToken()).isEqualTo(TestAuthorization.REFRESH_TOKEN);
			assertThat(stored.accountId()).isEqualTo(TestAuthorization.ACCOUNT);
		});

		String card = page(admin, "/integrations/airbnb/card");
		assertThat(card).contains("1603070", "valid for another 24 hours", "Reconnect");
		String api = mvc.perform(asAdmin(get("/api/integrations/airbnb")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(auditDetails()).contains("integration.connected", "1603070");
		for (String secret : new String[] { TestAuthorization.ACCESS_TOKEN, TestAuthorization.REFRESH_TOKEN,
				TestAuthorization.GOOD_CODE, state, CLIENT_SECRET }) {
			assertThat(card).doesNotContain(secret);
			assertThat(api).doesNotContain(secret);
			assertThat(auditDetails()).doesNotContain(secret);
			assertThat(logLines(output)).doesNotContain(secret);
		}
	}

	@Test
	void aStateIsGoodForOneCallback() throws Exception {
		MockHttpSession admin = admin();
		String state = start();
		callback(admin, TestAuthorization.GOOD_CODE, state, null).andExpect(flash().attributeExists("flash"));
		jdbc.sql("update integrations set access_token = null, refresh_token = null, connected_account = null,"
				+ " status = 'configured'")
			.update();

		callback(admin, TestAuthorization.GOOD_CODE, state, null)
			.andExpect(flash().attribute("warning", org.hamcrest.Matchers.containsString("already used")));

		assertNothingStored();
		assertThat(airbnb.exchanges).hasSize(1);
		assertThat(auditDetails()).contains("reused_state");
	}

	@Test
	void anUnknownStateIsRefused() throws Exception {
		start();
		callback(admin(), TestAuthorization.GOOD_CODE, "forged-state-" + UUID.randomUUID(), null)
			.andExpect(flash().attribute("warning", org.hamcrest.Matchers.containsString("state is unknown")));
		callback(admin(), TestAuthorization.GOOD_CODE, null, null)
			.andExpect(flash().attribute("warning", org.hamcrest.Matchers.containsString("state is unknown")));

		assertNothingStored();
		assertThat(airbnb.exchanges).isEmpty();
		assertThat(auditDetails()).contains("unknown_state");
	}

	@Test
	void aStateOlderThanTenMinutesIsRefused() throws Exception {
		String state = start();
		jdbc.sql("update oauth_states set expires_at = created_at - interval '1' minute").update();

		callback(admin(), TestAuthorization.GOOD_CODE, state, null)
			.andExpect(flash().attribute("warning", org.hamcrest.Matchers.containsString("expired")));

		assertNothingStored();
		assertThat(airbnb.exchanges).isEmpty();
		assertThat(auditDetails()).contains("expired_state");
	}

	@Test
	void aCallbackInAnotherUsersSessionIsRefusedAndSpendsTheState() throws Exception {
		String state = start();
		MockHttpSession otherAdmin = as("ADMIN");

		callback(otherAdmin, TestAuthorization.GOOD_CODE, state, null)
			.andExpect(flash().attribute("warning", org.hamcrest.Matchers.containsString("another user")));
		callback(admin(), TestAuthorization.GOOD_CODE, state, null)
			.andExpect(flash().attribute("warning", org.hamcrest.Matchers.containsString("already used")));

		assertNothingStored();
		assertThat(airbnb.exchanges).isEmpty();
		assertThat(auditDetails()).contains("other_user");
	}

	@Test
	void aDeclinedConsentIsRefused() throws Exception {
		String state = start();

		callback(admin(), null, state, "access_denied")
			.andExpect(flash().attribute("warning", org.hamcrest.Matchers.containsString("did not allow")));

		assertNothingStored();
		assertThat(airbnb.exchanges).isEmpty();
		assertThat(auditDetails()).contains("access_denied");
	}

	@Test
	void aCodeAirbnbRefusesStoresNothing() throws Exception {
		String state = start();

		callback(admin(), TestAuthorization.REFUSED_CODE, state, null)
			.andExpect(flash().attribute("warning", org.hamcrest.Matchers.containsString("invalid_grant")));

		assertNothingStored();
		assertThat(auditDetails()).contains("exchange_refused").doesNotContain(TestAuthorization.REFUSED_CODE);
	}

	@Test
	void theCallbackNeedsASignedInSession() throws Exception {
		String state = start();

		mvc.perform(get("/integrations/airbnb/oauth/callback").param("code", TestAuthorization.GOOD_CODE)
			.param("state", state)).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));

		assertNothingStored();
		assertThat(airbnb.exchanges).isEmpty();
	}

	@Test
	void startingNeedsAnAdministratorAndTheClientCredentials() throws Exception {
		String manager = "manager" + System.nanoTime() + "@test.staysync.io";
		createUser(manager, "Passw0rd-for-manager", "MANAGER");
		mvc.perform(post("/api/integrations/airbnb/oauth/start").header("Authorization",
				basic(manager, "Passw0rd-for-manager")))
			.andExpect(status().isForbidden());
		mvc.perform(json(asAdmin(post("/api/integrations/airbnb/configure")), "{\"apiSecret\":\"\"}"))
			.andExpect(status().isOk());

		mvc.perform(asAdmin(post("/api/integrations/airbnb/oauth/start")))
			.andExpect(status().isConflict())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.detail")
				.value(org.hamcrest.Matchers.containsString("client secret")));
		mvc.perform(asAdmin(post("/api/integrations/bookingcom/oauth/start"))).andExpect(status().isNotFound());
		assertThat(count("oauth_states")).isZero();
	}

	@Test
	void theConsoleButtonSendsTheBrowserToTheConsentPage() throws Exception {
		MockHttpSession admin = admin();
		String card = page(admin, "/integrations/airbnb/card");
		assertThat(card).contains("Connect Airbnb");

		mvc.perform(htmx(form("/integrations/airbnb/oauth/start", admin)))
			.andExpect(status().isOk())
			.andExpect(header().string("HX-Redirect",
					org.hamcrest.Matchers.startsWith("https://consent.test/oauth2/auth?client_id=" + CLIENT_ID
							+ "&redirect_uri=http://localhost/integrations/airbnb/oauth/callback&state=")));

		mvc.perform(json(asAdmin(post("/api/integrations/airbnb/configure")), "{\"apiKey\":\"\"}"))
			.andExpect(status().isOk());
		String refused = mvc.perform(htmx(form("/integrations/airbnb/oauth/start", admin)))
			.andExpect(status().isOk())
			.andExpect(header().doesNotExist("HX-Redirect"))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(refused).contains("oauth-problem", "client id");
	}

	@Test
	void aRevokedAuthorizationForgetsTheTokensAndSaysToReconnect() throws Exception {
		callback(admin(), TestAuthorization.GOOD_CODE, start(), null);
		assertThat(tokens.tokens(airbnbId())).isPresent();

		tokens.revoked(airbnbId(), null);

		assertThat(tokens.tokens(airbnbId())).isEmpty();
		mvc.perform(asAdmin(get("/api/integrations/airbnb")))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.status")
				.value("error"))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.statusMessage")
				.value(org.hamcrest.Matchers.containsString("reconnect")));
		assertThat(jdbc
			.sql("select count(*) from integrations where access_token is null and refresh_token is null"
					+ " and connected_account = '1603070'")
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(auditDetails()).contains("integration.authorization_revoked");
		assertThat(page(admin(), "/integrations/airbnb/card")).contains("Not connected", "Connect Airbnb");
	}

	@Test
	void renewedTokensReplaceTheStoredOnesSealed() {
		jdbc.sql("update integrations set connected_account = null").update();
		tokens.store(airbnbId(),
				new OAuthTokens("renewed-access-SECRET", "renewed-refresh-SECRET", java.time.Instant.now(), "42"));

		assertThat(tokens.tokens(airbnbId())).hasValueSatisfying(stored -> {
			assertThat(stored.accessToken()).isEqualTo("renewed-access-SECRET");
			assertThat(stored.accountId()).isEqualTo("42");
		});
		assertThat(jdbc.sql("select access_token || refresh_token from integrations").query(String.class).single())
			.doesNotContain("renewed");
	}

	/**
	 * Starts through the API, as the administrator, and returns the state it handed out.
	 */
	private String start() throws Exception {
		MvcResult started = mvc.perform(asAdmin(post("/api/integrations/airbnb/oauth/start")))
			.andExpect(status().isOk())
			.andReturn();
		String url = JsonPath.read(started.getResponse().getContentAsString(StandardCharsets.UTF_8), "$.authorizeUrl");
		assertThat(url).startsWith("https://consent.test/oauth2/auth?client_id=" + CLIENT_ID);
		return UriComponentsBuilder.fromUriString(url).build().getQueryParams().getFirst("state");
	}

	private org.springframework.test.web.servlet.ResultActions callback(MockHttpSession session, String code,
			String state, String error) throws Exception {
		var request = get("/integrations/airbnb/oauth/callback").session(session);
		if (code != null) {
			request.param("code", code);
		}
		if (state != null) {
			request.param("state", state);
		}
		if (error != null) {
			request.param("error", error).param("error_description", "The user denied your request");
		}
		return mvc.perform(request).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/integrations"));
	}

	/**
	 * The application's log lines, without MockMvc's dumps of failed requests (which show
	 * what the test itself sent).
	 */
	private static String logLines(CapturedOutput output) {
		return String.join("\n", output.getAll().lines().filter(line -> line.contains(" --- [staysync] ")).toList());
	}

	private void assertNothingStored() {
		assertThat(jdbc
			.sql("select count(*) from integrations where type = 'airbnb' and access_token is null"
					+ " and refresh_token is null and connected_account is null and status <> 'connected'")
			.query(Long.class)
			.single()).as("no token, account or connected status stored").isEqualTo(1);
	}

	private UUID airbnbId() {
		return jdbc.sql("select id from integrations where type = 'airbnb'").query(UUID.class).single();
	}

	private String auditDetails() {
		return String.join(
				"\n", jdbc
					.sql("select action || ' ' || coalesce(target, '') || ' ' || coalesce(details, '')"
							+ " from audit_events where action like 'integration.%'")
					.query(String.class)
					.list());
	}

}

package io.staysync.security;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;

import io.staysync.test.ApiIntegrationTest;

import static io.staysync.security.ApiAuthenticationIntegrationTests.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Runs everything that handles a password or token with verbose logging switched on, and
 * checks that none of them reaches the log.
 */
@ExtendWith(OutputCaptureExtension.class)
class NoSecretsInLogsIntegrationTests extends ApiIntegrationTest {

	static final String[] VERBOSE = { "io.staysync", "org.springframework.security", "org.springframework.web" };

	final LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());

	@BeforeEach
	void verbose() {
		for (String logger : VERBOSE) {
			logging.setLogLevel(logger, LogLevel.TRACE);
		}
	}

	@AfterEach
	void quiet() {
		for (String logger : VERBOSE) {
			logging.setLogLevel(logger, null);
		}
	}

	@Test
	void passwordsAndTokensNeverReachTheLog(CapturedOutput output) throws Exception {
		String email = unique("careful");
		String password = "Very-Secret-Passw0rd-42";
		createUser(email, password, "MANAGER");
		String token = createToken(email, password);
		mvc.perform(get("/api/auth/tokens").header("Authorization", bearer(token))).andExpect(status().isOk());
		mvc.perform(get("/api/users").header("Authorization", basic(email, "Wrong-Passw0rd-99")))
			.andExpect(status().isUnauthorized());
		mvc.perform(get("/api/users").header("Authorization", bearer(token + "x")))
			.andExpect(status().isUnauthorized());
		mvc.perform(json(asAdmin(post("/api/users")),
				"{\"email\":\"" + email + "\",\"password\":\"" + password + "\",\"role\":\"VIEWER\"}"))
			.andExpect(status().isConflict());
		mvc.perform(post("/login").param("username", email).param("password", password).with(csrf()))
			.andExpect(status().is3xxRedirection());
		String apiKey = "ak_live_never_in_the_log_0001";
		mvc.perform(
				json(asAdmin(post("/api/integrations/airbnb/configure")),
						"{\"apiKey\":\"" + apiKey + "\",\"apiSecret\":\"" + apiKey
								+ "-secret\",\"webhookSecret\":\"generate\",\"mode\":\"api\"}"))
			.andExpect(status().isOk());
		mvc.perform(json(asAdmin(post("/api/integrations/airbnb/configure")),
				"{\"apiKey\":\"" + apiKey + "\",\"mode\":\"ftp\"}"))
			.andExpect(status().isBadRequest());
		mvc.perform(asAdmin(post("/api/integrations/airbnb/test"))).andExpect(status().isOk());

		assertThat(output.getAll()).as("the test did log something")
			.contains("Securing")
			.doesNotContain(password)
			.doesNotContain("Wrong-Passw0rd-99")
			.doesNotContain(token)
			.doesNotContain(token.substring(4))
			.doesNotContain(ADMIN_PASSWORD)
			.doesNotContain(basic(email, password).substring(6))
			.doesNotContain("ak_live_never_in_the_log_0001")
			.doesNotContain("whsec_");
	}

}

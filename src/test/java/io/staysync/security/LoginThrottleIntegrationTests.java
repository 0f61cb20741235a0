package io.staysync.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import io.staysync.test.ApiIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Password guessing is slowed down: five wrong passwords in a row pause password sign-in
 * under that name, however it is spelled, with an account or without.
 */
@TestPropertySource(properties = "staysync.security.login.lockout=3s")
class LoginThrottleIntegrationTests extends ApiIntegrationTest {

	static final String PASSWORD = "Right-Passw0rd-42";

	@Test
	void fiveWrongPasswordsInARowLockPasswordSignInButNotApiTokensAndTheLockPasses() throws Exception {
		String email = "guessed" + System.nanoTime() + "@test.staysync.io";
		createUser(email, PASSWORD, "MANAGER");
		String token = createToken(email, PASSWORD);

		for (int attempt = 1; attempt <= 4; attempt++) {
			consoleLogin(email, "guess-" + attempt).andExpect(redirectedUrl("/login?error"));
		}
		mvc.perform(get("/api/properties").header("Authorization", basic(email, "guess-5")))
			.andExpect(status().isUnauthorized());

		// Now even the right password is refused, and says why.
		consoleLogin(email, PASSWORD).andExpect(redirectedUrl("/login?locked"));
		mvc.perform(get("/login?locked")).andExpect(content().string(containsString("Too many wrong passwords")));
		mvc.perform(get("/api/properties").header("Authorization", basic(email, PASSWORD)))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.detail").value(containsString("Too many wrong passwords")));
		mvc.perform(get("/api/properties").header("Authorization", bearer(token))).andExpect(status().isOk());
		assertThat(count("audit_events where action = 'login.failed' and actor = '" + email + "'"))
			.isGreaterThanOrEqualTo(5);

		await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(500))
			.untilAsserted(() -> mvc.perform(get("/api/properties").header("Authorization", basic(email, PASSWORD)))
				.andExpect(status().isOk()));
	}

	@Test
	void aRightPasswordBeforeTheLimitStartsTheCountAgain() throws Exception {
		String email = "forgetful" + System.nanoTime() + "@test.staysync.io";
		createUser(email, PASSWORD, "VIEWER");
		for (int round = 0; round < 3; round++) {
			for (int attempt = 1; attempt <= 4; attempt++) {
				consoleLogin(email, "typo-" + attempt).andExpect(redirectedUrl("/login?error"));
			}
			consoleLogin(email, PASSWORD).andExpect(redirectedUrl("/"));
		}
	}

	@Test
	void unknownEmailsAreAnsweredExactlyLikeAccountsSoTheAnswerTellsNoAccountApart() throws Exception {
		String existing = "existing" + System.nanoTime() + "@test.staysync.io";
		createUser(existing, PASSWORD, "VIEWER");
		String nobody = "nobody" + System.nanoTime() + "@test.staysync.io";

		List<String> forAccount = new ArrayList<>();
		List<String> forNobody = new ArrayList<>();
		for (int attempt = 1; attempt <= 7; attempt++) {
			forAccount.add(consoleLogin(existing, "guess-" + attempt).andReturn().getResponse().getRedirectedUrl());
			forNobody.add(consoleLogin(nobody, "guess-" + attempt).andReturn().getResponse().getRedirectedUrl());
		}

		assertThat(forNobody).isEqualTo(forAccount).contains("/login?error", "/login?locked");
		String lockedProblem = mvc.perform(get("/api/properties").header("Authorization", basic(existing, PASSWORD)))
			.andExpect(status().isUnauthorized())
			.andReturn()
			.getResponse()
			.getContentAsString();
		mvc.perform(get("/api/properties").header("Authorization", basic(nobody, PASSWORD)))
			.andExpect(status().isUnauthorized())
			.andExpect(content().string(lockedProblem));
	}

	@Test
	void aNameWithAControlCharacterNeverReachesTheAccountSoItCannotGuessPasswordsUnthrottled() throws Exception {
		String email = "spelled" + System.nanoTime() + "@test.staysync.io";
		createUser(email, PASSWORD, "MANAGER");
		String spelledOtherwise = "\u0001" + email.toUpperCase(Locale.ROOT);

		for (int attempt = 1; attempt <= 8; attempt++) {
			mvc.perform(get("/api/properties").header("Authorization", basic(spelledOtherwise, "guess-" + attempt)))
				.andExpect(status().isUnauthorized());
		}
		mvc.perform(get("/api/properties").header("Authorization", basic(spelledOtherwise, PASSWORD)))
			.andExpect(status().isUnauthorized());
		consoleLogin(spelledOtherwise, PASSWORD).andExpect(redirectedUrl("/login?error"));
		consoleLogin("\t" + email + "\u200b", PASSWORD).andExpect(redirectedUrl("/login?error"));
	}

	@Test
	void whitespaceAndCaseReachTheSameAccountAndCountAgainstIt() throws Exception {
		String email = "cased" + System.nanoTime() + "@test.staysync.io";
		createUser(email, PASSWORD, "MANAGER");
		String[] spellings = { " " + email, email.toUpperCase(Locale.ROOT), email + "\u2003", "\u00a0" + email + " " };

		for (int attempt = 0; attempt < 5; attempt++) {
			mvc.perform(
					get("/api/properties").header("Authorization", basic(spellings[attempt % 4], "guess-" + attempt)))
				.andExpect(status().isUnauthorized());
		}

		mvc.perform(get("/api/properties").header("Authorization", basic(email, PASSWORD)))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.detail").value(containsString("Too many wrong passwords")));
	}

	private org.springframework.test.web.servlet.ResultActions consoleLogin(String email, String password)
			throws Exception {
		return mvc.perform(post("/login").param("username", email).param("password", password).with(csrf()));
	}

}

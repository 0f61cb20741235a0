package io.staysync.security;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import io.staysync.test.ApiIntegrationTest;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A stranger who tries many names from one address is slowed down there, with a growing
 * wait, while everybody else (and the accounts tried) can still sign in from elsewhere.
 */
@TestPropertySource(properties = { "staysync.security.login.address-max-failures=4",
		"staysync.security.login.address-delay=2s", "staysync.security.login.address-max-delay=1m" })
class LoginAddressLimitIntegrationTests extends ApiIntegrationTest {

	static final String PASSWORD = "Right-Passw0rd-42";

	@Test
	void manyNamesFromOneAddressSlowThatAddressDownButNobodyElse() throws Exception {
		String email = "sprayed" + System.nanoTime() + "@test.staysync.io";
		createUser(email, PASSWORD, "MANAGER");
		RequestPostProcessor stranger = from("198.51.100.7");

		for (int attempt = 1; attempt <= 4; attempt++) {
			consoleLogin("name" + attempt + "-" + System.nanoTime() + "@test.staysync.io", "Summer2026!", stranger)
				.andExpect(redirectedUrl("/login?error"));
		}

		// The next try from there is refused before any password is looked at, even a
		// right one.
		consoleLogin(email, PASSWORD, stranger).andExpect(redirectedUrl("/login?locked"));
		mvc.perform(get("/api/properties").header("Authorization", basic(email, PASSWORD)).with(stranger))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.detail").value(containsString("from your address")));
		// The account itself is not locked: from another address it signs in.
		mvc.perform(get("/api/properties").header("Authorization", basic(email, PASSWORD)).with(from("203.0.113.9")))
			.andExpect(status().isOk());

		// After the wait, one more try from there.
		await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(500))
			.untilAsserted(() -> consoleLogin(email, PASSWORD, stranger).andExpect(redirectedUrl("/")));
	}

	private ResultActions consoleLogin(String email, String password, RequestPostProcessor address) throws Exception {
		return mvc
			.perform(post("/login").param("username", email).param("password", password).with(csrf()).with(address));
	}

	private static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

}

package io.staysync.web;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;

import io.staysync.test.ApiIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class ConsoleLoginIntegrationTests extends ApiIntegrationTest {

	@Test
	void consolePagesRedirectToTheLoginPage() throws Exception {
		mvc.perform(get("/")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
		mvc.perform(get("/login"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("name=\"_csrf\"")));
	}

	@Test
	void formLoginStartsASessionAndIsAudited() throws Exception {
		MockHttpSession session = (MockHttpSession) mvc
			.perform(post("/login").param("username", ADMIN_EMAIL).param("password", ADMIN_PASSWORD).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/"))
			.andReturn()
			.getRequest()
			.getSession();

		mvc.perform(get("/").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(ADMIN_EMAIL)));
		assertThat(jdbc.sql("select count(*) from audit_events where action = 'login.succeeded' and actor = :a")
			.param("a", ADMIN_EMAIL)
			.query(Long.class)
			.single()).isPositive();
	}

	@Test
	void wrongPasswordReturnsToTheLoginPageWithAnError() throws Exception {
		mvc.perform(post("/login").param("username", ADMIN_EMAIL).param("password", "wrong").with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/login?error"));
	}

	@Test
	void loginWithoutCsrfTokenIsRefused() throws Exception {
		mvc.perform(post("/login").param("username", ADMIN_EMAIL).param("password", ADMIN_PASSWORD))
			.andExpect(status().isForbidden());
	}

	@Test
	void theApiIgnoresTheConsoleSessionSoCsrfCannotReachIt() throws Exception {
		MockHttpSession session = (MockHttpSession) mvc
			.perform(post("/login").param("username", ADMIN_EMAIL).param("password", ADMIN_PASSWORD).with(csrf()))
			.andReturn()
			.getRequest()
			.getSession();

		mvc.perform(get("/api/users").session(session)).andExpect(status().isUnauthorized());
	}

}

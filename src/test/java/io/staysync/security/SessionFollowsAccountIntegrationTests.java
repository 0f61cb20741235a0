package io.staysync.security;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;

import io.staysync.test.ConsoleIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A console session carries no rights of its own: once the account's role, status or
 * password changes, the session's next request is refused and has to sign in again.
 */
class SessionFollowsAccountIntegrationTests extends ConsoleIntegrationTest {

	static final String PASSWORD = "Second-Admin-Passw0rd";

	@Test
	void aDemotedAdministratorsNextConsoleRequestIsRefused() throws Exception {
		String email = SecurityTestSupport.unique("second-admin");
		String id = createUser(email, PASSWORD, "ADMIN");
		MockHttpSession session = signIn(email, PASSWORD);
		assertThat(page(session, "/users")).contains("id=\"users-section\"");

		change(id, "{\"role\":\"VIEWER\"}");

		mvc.perform(get("/users").session(session))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/login"));
		mvc.perform(htmx(get("/integrations").session(session)))
			.andExpect(status().isUnauthorized())
			.andExpect(header().exists("HX-Redirect"));
		assertThat(count("audit_events where action = 'session.ended' and actor = '" + email + "'")).isEqualTo(1);

		// Signing in again gives the new role's rights.
		MockHttpSession again = signIn(email, PASSWORD);
		assertThat(page(again, "/users")).doesNotContain("id=\"users-section\"");
	}

	@Test
	void disablingAUserOrResettingTheirPasswordEndsTheirSessions() throws Exception {
		String disabled = SecurityTestSupport.unique("disabled");
		String disabledId = createUser(disabled, PASSWORD, "MANAGER");
		MockHttpSession disabledSession = signIn(disabled, PASSWORD);
		String reset = SecurityTestSupport.unique("reset");
		String resetId = createUser(reset, PASSWORD, "MANAGER");
		MockHttpSession resetSession = signIn(reset, PASSWORD);
		page(disabledSession, "/");
		page(resetSession, "/");

		change(disabledId, "{\"enabled\":false}");
		change(resetId, "{\"password\":\"Reset-By-Admin-Passw0rd\"}");

		mvc.perform(get("/").session(disabledSession)).andExpect(redirectedUrl("/login"));
		mvc.perform(get("/").session(resetSession)).andExpect(redirectedUrl("/login"));
	}

	@Test
	void renamingAUserKeepsTheirSession() throws Exception {
		String email = SecurityTestSupport.unique("renamed");
		String id = createUser(email, PASSWORD, "MANAGER");
		MockHttpSession session = signIn(email, PASSWORD);

		change(id, "{\"displayName\":\"Someone Else\"}");

		page(session, "/");
	}

	private void change(String id, String body) throws Exception {
		mvc.perform(json(asAdmin(patch("/api/users/" + id)), body)).andExpect(status().isOk());
	}

}

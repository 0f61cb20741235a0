package io.staysync.security.web;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;

import io.staysync.test.ConsoleIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every user's own account page: a password changed with the current one ends the
 * account's other sessions and keeps this one; tokens and this session are listed.
 */
class AccountPageIntegrationTests extends ConsoleIntegrationTest {

	static final String PASSWORD = "Account-Passw0rd-1";

	static final String NEW_PASSWORD = "Account-Passw0rd-2";

	@Test
	void everyRoleHasAnAccountPageWithItsTokensAndThisSession() throws Exception {
		for (String role : new String[] { "VIEWER", "MANAGER", "ADMIN" }) {
			String email = role.toLowerCase() + System.nanoTime() + "@test.staysync.io";
			createUser(email, PASSWORD, role);
			createToken(email, PASSWORD);
			String html = page(signIn(email, PASSWORD), "/account");
			assertThat(html).as(role)
				.contains("id=\"password-form\"", email, ">" + role + "<", "test token", "id=\"this-session\"",
						"href=\"/account\"");
		}
	}

	@Test
	void aWrongCurrentPasswordOrAMismatchChangesNothingAndNoPasswordIsEchoed() throws Exception {
		String email = "wrong" + System.nanoTime() + "@test.staysync.io";
		createUser(email, PASSWORD, "MANAGER");
		MockHttpSession session = signIn(email, PASSWORD);

		String wrong = change(session, "Not-The-Passw0rd", NEW_PASSWORD, NEW_PASSWORD);
		assertThat(wrong).contains("is not your current password").doesNotContain("Not-The-Passw0rd", NEW_PASSWORD);
		String mismatch = change(session, PASSWORD, NEW_PASSWORD, NEW_PASSWORD + "x");
		assertThat(mismatch).contains("does not match the new password").doesNotContain(PASSWORD, NEW_PASSWORD);
		String weak = change(session, PASSWORD, "short", "short");
		assertThat(weak).contains("must be at least 12 characters");

		signIn(email, PASSWORD);
		assertThat(count("audit_events where action = 'user.password_changed'  and actor = '" + email + "'")).isZero();
	}

	@Test
	void aChangedPasswordEndsTheOtherSessionsAndKeepsThisOne() throws Exception {
		String email = "changer" + System.nanoTime() + "@test.staysync.io";
		createUser(email, PASSWORD, "VIEWER");
		MockHttpSession here = signIn(email, PASSWORD);
		MockHttpSession elsewhere = signIn(email, PASSWORD);
		page(elsewhere, "/");

		MockHttpSession after = (MockHttpSession) mvc
			.perform(form("/account/password", here).param("currentPassword", PASSWORD)
				.param("newPassword", NEW_PASSWORD)
				.param("repeatPassword", NEW_PASSWORD))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/account"))
			.andExpect(flash().attribute("flash",
					"Password changed. Your other sessions are signed out; this one stays signed in."))
			.andReturn()
			.getRequest()
			.getSession();

		assertThat(page(after, "/account")).contains(email);
		mvc.perform(get("/").session(elsewhere)).andExpect(redirectedUrl("/login"));
		mvc.perform(post("/login").param("username", email).param("password", PASSWORD).with(csrf()))
			.andExpect(redirectedUrl("/login?error"));
		page(signIn(email, NEW_PASSWORD), "/account");
		String details = jdbc
			.sql("select details from audit_events where action = 'user.password_changed' and actor = :email")
			.param("email", email)
			.query(String.class)
			.single();
		assertThat(details).doesNotContain(PASSWORD, NEW_PASSWORD);
	}

	private String change(MockHttpSession session, String current, String next, String repeat) throws Exception {
		return mvc
			.perform(form("/account/password", session).param("currentPassword", current)
				.param("newPassword", next)
				.param("repeatPassword", repeat))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

}

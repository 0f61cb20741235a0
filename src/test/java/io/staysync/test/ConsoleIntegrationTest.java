package io.staysync.test;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Console tests: sign in by the login form, then read pages as a browser session would.
 */
public abstract class ConsoleIntegrationTest extends ApiIntegrationTest {

	private static final Pattern ONCE = Pattern.compile("name=\"_once\" value=\"([^\"]+)\"");

	protected MockHttpSession signIn(String email, String password) throws Exception {
		return (MockHttpSession) mvc
			.perform(post("/login").param("username", email).param("password", password).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getRequest()
			.getSession();
	}

	protected MockHttpSession admin() throws Exception {
		return signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
	}

	/** A user of this role, signed in. */
	protected MockHttpSession as(String role) throws Exception {
		String email = role.toLowerCase() + System.nanoTime() + "@test.staysync.io";
		createUser(email, "Passw0rd-for-" + role, role);
		return signIn(email, "Passw0rd-for-" + role);
	}

	/** The page's HTML, asserting it answered 200. */
	protected String page(MockHttpSession session, String url) throws Exception {
		return mvc.perform(get(url).session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	/** The one-time form token a page handed out. */
	protected static String onceToken(String html) {
		Matcher matcher = ONCE.matcher(html);
		assertThat(matcher.find()).as("the page carries a one-time form token").isTrue();
		return matcher.group(1);
	}

	/** A console form post with the session's CSRF token, as a browser sends it. */
	protected static MockHttpServletRequestBuilder form(String url, MockHttpSession session) {
		return post(url).session(session).with(csrf());
	}

	/** The same, as htmx sends it. */
	protected static MockHttpServletRequestBuilder htmx(MockHttpServletRequestBuilder request) {
		return request.header("HX-Request", "true").header("HX-Current-URL", "http://localhost/integrations");
	}

}

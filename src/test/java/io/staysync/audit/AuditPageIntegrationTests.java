package io.staysync.audit;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;

import io.staysync.test.ConsoleIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The audit page as an administrator reads it: targets by name, filters by action and
 * actor from lists and by day, sign-ins left out unless asked for; ADMIN only.
 */
class AuditPageIntegrationTests extends ConsoleIntegrationTest {

	@Autowired
	AuditLog audit;

	@Test
	void targetsShowByNameWhileTheyExistAndByIdAfter() throws Exception {
		String name = "Audit <Named> " + System.nanoTime();
		String property = createProperty(name, "Europe/Lisbon", 2);
		String email = "audited" + System.nanoTime() + "@test.staysync.io";
		String user = createUser(email, "Audited-Passw0rd", "VIEWER");
		audit.recordAs("gone" + System.nanoTime() + "@example.com", "test.gone",
				"property:00000000-0000-0000-0000-000000000001", Map.of());

		String html = page(admin(), "/audit");

		assertThat(html)
			.contains("title=\"property:" + property + "\"", "Audit &lt;Named&gt;",
					"title=\"user:" + user + "\">" + email + "<", ">property:00000000-0000-0000-0000-000000000001<")
			.doesNotContain("Audit <Named>");
	}

	@Test
	void filtersAreListsAndDaysAndSignInsAreLeftOutUnlessAsked() throws Exception {
		MockHttpSession admin = admin();
		String actor = "filter" + System.nanoTime() + "@example.com";
		audit.recordAs(actor, "test.filtered", "thing:1", Map.of());
		audit.recordAs(actor, "login.succeeded", "user:x", Map.of());

		String all = page(admin, "/audit?actor=" + actor);
		assertThat(all)
			.contains("<option value=\"test.filtered\"", "<option value=\"" + actor + "\" selected=\"selected\"",
					"1 sign-in is not shown:", "<code>login.succeeded</code> <span>× 1.</span>",
					"<td><code>test.filtered</code></td>")
			.doesNotContain("<option value=\"login.succeeded\"", "<td><code>login.succeeded</code></td>");
		assertThat(page(admin, "/audit?signIns=true&actor=" + actor))
			.contains("<option value=\"login.succeeded\"", "<td><code>login.succeeded</code></td>",
					"<td><code>test.filtered</code></td>")
			.doesNotContain("id=\"sign-ins-left-out\"");
		assertThat(page(admin, "/audit?action=login.succeeded&actor=" + actor))
			.contains("<td><code>login.succeeded</code></td>")
			.doesNotContain("<td><code>test.filtered</code></td>");
		String today = LocalDate.now(ZoneOffset.UTC).toString();
		assertThat(page(admin, "/audit?actor=" + actor + "&from=" + today + "&to=" + today))
			.contains("<code>test.filtered</code>");
		assertThat(page(admin, "/audit?actor=" + actor + "&to=2020-01-01")).contains("No events match.");
	}

	@Test
	void onlyAdministratorsReadIt() throws Exception {
		MockHttpSession manager = as("MANAGER");
		mvc.perform(get("/audit").session(manager)).andExpect(status().isForbidden());
		String html = mvc.perform(get("/audit").session(admin()))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(html).contains("id=\"audit-filter\"");
	}

}

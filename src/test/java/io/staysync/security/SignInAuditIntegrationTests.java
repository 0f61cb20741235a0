package io.staysync.security;

import java.util.List;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import io.micrometer.core.instrument.MeterRegistry;
import io.staysync.test.ApiIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What failed sign-ins leave behind: the account's name when there is one, never what was
 * typed otherwise; a bounded number of audit events per minute; a count of every failure,
 * API tokens included. And the console's response headers.
 */
@TestMethodOrder(MethodOrderer.MethodName.class)
@TestPropertySource(properties = "staysync.security.login.audited-failures-per-minute=4")
class SignInAuditIntegrationTests extends ApiIntegrationTest {

	@Autowired
	MeterRegistry meters;

	@Test
	void aPasswordTypedIntoTheNameFieldNeverReachesTheAuditTrailAndFailuresAreRateLimited() throws Exception {
		String email = SecurityTestSupport.unique("typo");
		createUser(email, "Right-Passw0rd-42", "VIEWER");
		long before = jdbc.sql("select coalesce(max(id), 0) from audit_events").query(Long.class).single();

		mvc.perform(post("/login").param("username", "Right-Passw0rd-42").param("password", "x").with(csrf()));
		mvc.perform(post("/login").param("username", email).param("password", "wrong").with(csrf()));
		for (int attempt = 0; attempt < 6; attempt++) {
			mvc.perform(get("/api/properties").header("Authorization", basic("guess" + attempt + "@x.io", "wrong")))
				.andExpect(status().isUnauthorized());
		}

		List<String> actors = jdbc
			.sql("select actor || ' ' || target || ' ' || details from audit_events "
					+ "where action = 'login.failed' order by id")
			.query(String.class)
			.list();
		assertThat(String.join("\n", actors)).doesNotContain("Right-Passw0rd-42", "guess0@x.io")
			.contains(email, "[unknown name]");
		// Seven unknown names, at most four of them written one by one in any minute of
		// the
		// clock (the seven may straddle two).
		List<java.time.Instant> written = jdbc
			.sql("select occurred_at from audit_events where id > :before and action = 'login.failed'"
					+ " and actor = '[unknown name]'")
			.param("before", before)
			.query((row, n) -> row.getTimestamp(1).toInstant())
			.list();
		assertThat(written).isNotEmpty();
		assertThat(written.stream()
			.collect(java.util.stream.Collectors.groupingBy(at -> at.truncatedTo(java.time.temporal.ChronoUnit.MINUTES),
					java.util.stream.Collectors.counting()))
			.values()).allSatisfy(perMinute -> assertThat(perMinute).isLessThanOrEqualTo(4));
	}

	@Test
	void failedApiTokensAreCountedLikeFailedPasswords() throws Exception {
		double before = failures("api-token");

		for (int attempt = 0; attempt < 3; attempt++) {
			mvc.perform(get("/api/properties").header("Authorization", bearer("sst_not-a-real-token-" + attempt)))
				.andExpect(status().isUnauthorized());
		}

		assertThat(failures("api-token") - before).isEqualTo(3);
	}

	@Test
	void theConsoleRestrictsBaseFormsPluginsAndReferrers() throws Exception {
		mvc.perform(get("/login"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Security-Policy",
					allOf(containsString("base-uri 'none'"), containsString("form-action 'self'"),
							containsString("object-src 'none'"), containsString("frame-ancestors 'none'"))))
			.andExpect(header().string("Referrer-Policy", "same-origin"));
	}

	private double failures(String method) {
		var counter = meters.find("staysync.sign-in.failures").tag("method", method).counter();
		return counter == null ? 0 : counter.count();
	}

}

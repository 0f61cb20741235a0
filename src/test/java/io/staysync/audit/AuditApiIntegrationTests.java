package io.staysync.audit;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.staysync.test.ApiIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class AuditApiIntegrationTests extends ApiIntegrationTest {

	@Autowired
	AuditLog audit;

	@Test
	void listsNewestFirstPagedAndFiltered() throws Exception {
		audit.recordAs("robot@example.com", "test.first", "thing:1", Map.of("n", 1));
		audit.recordAs("robot@example.com", "test.second", "thing:2", Map.of("n", 2));

		mvc.perform(asAdmin(get("/api/audit?actor=robot@example.com&size=1")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.content.length()").value(1))
			.andExpect(jsonPath("$.content[0].action").value("test.second"))
			.andExpect(jsonPath("$.content[0].details.n").value(2))
			.andExpect(jsonPath("$.totalElements").value(2));
		mvc.perform(asAdmin(get("/api/audit?actor=robot@example.com&size=1&page=1")))
			.andExpect(jsonPath("$.content[0].action").value("test.first"));
		mvc.perform(asAdmin(get("/api/audit?action=test.first")))
			.andExpect(jsonPath("$.content[0].target").value("thing:1"))
			.andExpect(jsonPath("$.content[0].at").exists());
	}

	@Test
	void detailsThatNameASecretAreRedactedWhateverTheCallerPassed() {
		audit.recordAs("careless@example.com", "test.secret", "thing:3",
				Map.of("apiKey", "AKIA-very-secret", "webhookSecret", "whsec_abc", "nested",
						Map.of("password", "hunter2-hunter2"), "passwordChanged", true, "name", "kept"));

		String details = jdbc.sql("select details from audit_events where action = 'test.secret'")
			.query(String.class)
			.single();
		assertThat(details).doesNotContain("AKIA-very-secret", "whsec_abc", "hunter2-hunter2")
			.contains("[redacted]", "kept", "\"passwordChanged\":true");
	}

	@Test
	void failedLoginsAreAuditedWithoutThePasswordTried() throws Exception {
		mvc.perform(get("/api/users").header("Authorization", basic("intruder@example.com", "Guess-Password-1")))
			.andExpect(status().isUnauthorized());

		// A name without an account is not stored as typed: it might be a password typed
		// into the wrong field.
		String rows = String.join("\n", jdbc
			.sql("select actor || ' ' || action || ' ' || details from audit_events where action = 'login.failed'")
			.query(String.class)
			.list());
		assertThat(rows).contains("[unknown name] login.failed")
			.doesNotContain("Guess-Password-1", "intruder@example.com");
	}

	@Test
	void theAuditTrailCannotBeChangedThroughTheApi() throws Exception {
		mvc.perform(asAdmin(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/api/audit")))
			.andExpect(status().isMethodNotAllowed());
	}

}

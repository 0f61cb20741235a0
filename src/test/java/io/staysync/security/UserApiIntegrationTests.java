package io.staysync.security;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import io.staysync.test.ApiIntegrationTest;

import static io.staysync.security.ApiAuthenticationIntegrationTests.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class UserApiIntegrationTests extends ApiIntegrationTest {

	@Test
	void adminCreatesAUserWhoCanSignInAndIsAudited() throws Exception {
		String email = unique("New.Person");

		mvc.perform(json(asAdmin(post("/api/users")),
				"{\"email\":\"%s\",\"displayName\":\"New Person\",\"password\":\"Correct-Horse-9\",\"role\":\"MANAGER\"}"
					.formatted(email)))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", containsString("/api/users/")))
			.andExpect(jsonPath("$.email").value(email.toLowerCase()))
			.andExpect(jsonPath("$.role").value("MANAGER"))
			.andExpect(jsonPath("$.password").doesNotExist())
			.andExpect(jsonPath("$.passwordHash").doesNotExist());

		mvc.perform(get("/api/auth/tokens").header("Authorization", basic(email, "Correct-Horse-9")))
			.andExpect(status().isOk());
		Map<String, Object> audit = jdbc
			.sql("select * from audit_events where action = 'user.created' and details like :email")
			.param("email", "%" + email.toLowerCase() + "%")
			.query()
			.singleRow();
		assertThat(audit.get("actor")).isEqualTo(ADMIN_EMAIL);
		assertThat((String) audit.get("details")).contains("MANAGER").doesNotContain("Correct-Horse-9");
	}

	@Test
	void duplicateEmailIsA409AndWritesNothing() throws Exception {
		String email = unique("twice");
		createUser(email, "Twice-Passw0rd-1", "VIEWER");
		long users = count("user_accounts");
		long events = count("audit_events");

		mvc.perform(json(asAdmin(post("/api/users")),
				"{\"email\":\"%s\",\"password\":\"Twice-Passw0rd-2\",\"role\":\"VIEWER\"}"
					.formatted(email.toUpperCase())))
			.andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(containsString("already exists")));

		assertThat(count("user_accounts")).isEqualTo(users);
		assertThat(count("audit_events")).isEqualTo(events);
	}

	@Test
	void badInputGetsA400NamingTheFieldAndWritesNothing() throws Exception {
		long users = count("user_accounts");

		mvc.perform(json(asAdmin(post("/api/users")),
				"{\"email\":\"a@b.c\",\"password\":\"Long-Enough-Pass\",\"role\":\"OWNER\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("role"))
			.andExpect(jsonPath("$.detail").value(containsString("ADMIN, MANAGER, VIEWER")));
		mvc.perform(json(asAdmin(post("/api/users")),
				"{\"email\":\"not-an-email\",\"password\":\"short\",\"role\":\"VIEWER\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", org.hamcrest.Matchers.containsInAnyOrder("email", "password")));
		mvc.perform(json(asAdmin(post("/api/users")), "{\"email\":\"a@b.c\", \"password\": "))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("Malformed JSON")));
		mvc.perform(json(asAdmin(post("/api/users")),
				"{\"email\":[1,2],\"password\":\"Long-Enough-Pass\",\"role\":\"VIEWER\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("email"));
		mvc.perform(json(asAdmin(post("/api/users")),
				"{\"email\":\"a@b.c\",\"password\":\"Long-Enough-Pass\",\"role\":\"VIEWER\",\"isAdmin\":true}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("Unknown field 'isAdmin'."));
		mvc.perform(json(asAdmin(post("/api/users")), "[]")).andExpect(status().isBadRequest());
		mvc.perform(json(asAdmin(post("/api/users")), "")).andExpect(status().isBadRequest());
		mvc.perform(json(asAdmin(post("/api/users")),
				"{\"email\":\"a@b.c\",\"password\":\"%s\",\"role\":\"VIEWER\"}".formatted("é".repeat(40))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("password"));

		assertThat(count("user_accounts")).isEqualTo(users);
	}

	@Test
	void invalidValuesAreNeverEchoedBack() throws Exception {
		String body = mvc
			.perform(json(asAdmin(post("/api/users")),
					"{\"email\":\"a@b.c\",\"password\":\"Secret-Value-123\",\"role\":\"Secret-Value-123\"}"))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(body).doesNotContain("Secret-Value-123");
	}

	@Test
	void oversizedBodiesAreRefusedWith413() throws Exception {
		String huge = "{\"email\":\"a@b.c\",\"displayName\":\"" + "x".repeat(2_000_000) + "\"}";

		mvc.perform(json(asAdmin(post("/api/users")), huge))
			.andExpect(status().isContentTooLarge())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(413));
	}

	@Test
	void patchChangesOnlyTheFieldsSentAndIsAudited() throws Exception {
		String email = unique("promoted");
		String id = createUser(email, "Promoted-Passw0rd", "VIEWER");

		mvc.perform(
				json(asAdmin(patch("/api/users/" + id)), "{\"role\":\"MANAGER\",\"password\":\"Another-Passw0rd-2\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.role").value("MANAGER"))
			.andExpect(jsonPath("$.email").value(email))
			.andExpect(jsonPath("$.enabled").value(true));

		mvc.perform(get("/api/auth/tokens").header("Authorization", basic(email, "Promoted-Passw0rd")))
			.andExpect(status().isUnauthorized());
		mvc.perform(get("/api/auth/tokens").header("Authorization", basic(email, "Another-Passw0rd-2")))
			.andExpect(status().isOk());
		List<String> details = jdbc
			.sql("select details from audit_events where action = 'user.updated' and target = :t")
			.param("t", "user:" + id)
			.query(String.class)
			.list();
		assertThat(details).singleElement()
			.satisfies(d -> assertThat(d).contains("VIEWER", "MANAGER", "passwordChanged")
				.doesNotContain("Another-Passw0rd-2"));
	}

	@Test
	void unknownUserIs404AndBadIdIs400() throws Exception {
		mvc.perform(json(asAdmin(patch("/api/users/00000000-0000-0000-0000-000000000000")), "{\"role\":\"VIEWER\"}"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.status").value(404));
		mvc.perform(asAdmin(get("/api/users/not-a-uuid")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("id"));
		mvc.perform(asAdmin(get("/api/nothing-here")))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void theLastEnabledAdministratorCannotBeDemotedOrDisabled() throws Exception {
		String adminId = jdbc.sql("select cast(id as varchar) from user_accounts where email = :e")
			.param("e", ADMIN_EMAIL)
			.query(String.class)
			.single();
		// Other test classes of the same application context may have left administrators
		// of
		// their own; this one needs the first administrator to be the last enabled one.
		jdbc.sql("update user_accounts set enabled = false where role = 'ADMIN' and email <> :e")
			.param("e", ADMIN_EMAIL)
			.update();

		mvc.perform(json(asAdmin(patch("/api/users/" + adminId)), "{\"role\":\"VIEWER\"}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("last enabled administrator")));
		mvc.perform(json(asAdmin(patch("/api/users/" + adminId)), "{\"enabled\":false}"))
			.andExpect(status().isConflict());
		mvc.perform(asAdmin(get("/api/users/" + adminId))).andExpect(jsonPath("$.role").value("ADMIN"));
	}

	@Test
	void listIsPagedAndBounded() throws Exception {
		mvc.perform(asAdmin(get("/api/users?page=0&size=1")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.size").value(1))
			.andExpect(jsonPath("$.content.length()").value(1));
		mvc.perform(asAdmin(get("/api/users?size=100000"))).andExpect(status().isBadRequest());
		mvc.perform(asAdmin(get("/api/users?page=-1"))).andExpect(status().isBadRequest());
	}

}

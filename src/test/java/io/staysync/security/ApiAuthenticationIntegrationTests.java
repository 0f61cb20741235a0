package io.staysync.security;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import com.jayway.jsonpath.JsonPath;

import io.staysync.test.ApiIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class ApiAuthenticationIntegrationTests extends ApiIntegrationTest {

	@Test
	void callWithoutCredentialsIsRefusedWith401ProblemNotARedirect() throws Exception {
		mvc.perform(get("/api/users"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, "Bearer, Basic realm=\"Staysync\""))
			.andExpect(jsonPath("$.status").value(401))
			.andExpect(jsonPath("$.title").value("Unauthorized"))
			.andExpect(jsonPath("$.instance").value("/api/users"));
	}

	@Test
	void wrongPasswordIsRefusedWith401() throws Exception {
		mvc.perform(get("/api/users").header(HttpHeaders.AUTHORIZATION, basic(ADMIN_EMAIL, "not-the-password")))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.status").value(401));
	}

	@Test
	void httpBasicWorks() throws Exception {
		mvc.perform(asAdmin(get("/api/users"))).andExpect(status().isOk()).andExpect(jsonPath("$.content").isArray());
	}

	@Test
	void apiTokenWorksAndCarriesItsOwnersRole() throws Exception {
		String email = unique("manager");
		createUser(email, "Manager-Passw0rd-1", "MANAGER");
		String token = createToken(email, "Manager-Passw0rd-1");

		assertThat(token).startsWith("sst_").hasSizeGreaterThan(40);
		mvc.perform(get("/api/auth/tokens").header(HttpHeaders.AUTHORIZATION, bearer(token)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].name").value("test token"))
			.andExpect(jsonPath("$[0].token").doesNotExist());
		mvc.perform(get("/api/users").header(HttpHeaders.AUTHORIZATION, bearer(token)))
			.andExpect(status().isForbidden());
	}

	@Test
	void viewerGets403ProblemOnAdminRoutes() throws Exception {
		String email = unique("viewer");
		createUser(email, "Viewer-Passw0rd-1", "VIEWER");

		mvc.perform(get("/api/users").header(HttpHeaders.AUTHORIZATION, basic(email, "Viewer-Passw0rd-1")))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(403));
		mvc.perform(get("/api/audit").header(HttpHeaders.AUTHORIZATION, basic(email, "Viewer-Passw0rd-1")))
			.andExpect(status().isForbidden());
		mvc.perform(get("/actuator/prometheus").header(HttpHeaders.AUTHORIZATION, basic(email, "Viewer-Passw0rd-1")))
			.andExpect(status().isForbidden());
	}

	@Test
	void unknownMalformedRevokedAndExpiredTokensAreRefused() throws Exception {
		mvc.perform(get("/api/auth/tokens").header(HttpHeaders.AUTHORIZATION, bearer("sst_doesnotexist")))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.status").value(401));
		mvc.perform(get("/api/auth/tokens").header(HttpHeaders.AUTHORIZATION, "Bearer "))
			.andExpect(status().isUnauthorized());
		mvc.perform(get("/api/auth/tokens").header(HttpHeaders.AUTHORIZATION, bearer("x".repeat(5000))))
			.andExpect(status().isUnauthorized());

		String token = createToken(ADMIN_EMAIL, ADMIN_PASSWORD);
		String id = JsonPath.read(mvc.perform(get("/api/auth/tokens").header(HttpHeaders.AUTHORIZATION, bearer(token)))
			.andReturn()
			.getResponse()
			.getContentAsString(), "$[0].id");
		mvc.perform(delete("/api/auth/tokens/" + id).header(HttpHeaders.AUTHORIZATION, bearer(token)))
			.andExpect(status().isNoContent());
		mvc.perform(get("/api/auth/tokens").header(HttpHeaders.AUTHORIZATION, bearer(token)))
			.andExpect(status().isUnauthorized());

		String expiring = createToken(ADMIN_EMAIL, ADMIN_PASSWORD);
		jdbc.sql("update api_tokens set expires_at = created_at where token_prefix = :prefix")
			.param("prefix", expiring.substring(0, 10))
			.update();
		mvc.perform(get("/api/auth/tokens").header(HttpHeaders.AUTHORIZATION, bearer(expiring)))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void tokenIsStoredOnlyAsAHash() throws Exception {
		String token = createToken(ADMIN_EMAIL, ADMIN_PASSWORD);

		long plainRows = jdbc.sql("select count(*) from api_tokens where token_hash = :t or token_prefix = :t")
			.param("t", token)
			.query(Long.class)
			.single();
		assertThat(plainRows).isZero();
		assertThat(jdbc.sql("select count(*) from api_tokens where token_prefix = :p")
			.param("p", token.substring(0, 10))
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aTokenCannotMintAnotherToken() throws Exception {
		String token = createToken(ADMIN_EMAIL, ADMIN_PASSWORD);

		mvc.perform(json(post("/api/auth/tokens").header(HttpHeaders.AUTHORIZATION, bearer(token)), "{\"name\":\"x\"}"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("cannot create API tokens")));
	}

	@Test
	void disabledUserCanNoLongerUseBasicOrTokens() throws Exception {
		String email = unique("leaver");
		String id = createUser(email, "Leaver-Passw0rd-1", "MANAGER");
		String token = createToken(email, "Leaver-Passw0rd-1");

		mvc.perform(json(
				asAdmin(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch("/api/users/" + id)),
				"{\"enabled\":false}"))
			.andExpect(status().isOk());

		mvc.perform(get("/api/auth/tokens").header(HttpHeaders.AUTHORIZATION, bearer(token)))
			.andExpect(status().isUnauthorized());
		mvc.perform(get("/api/auth/tokens").header(HttpHeaders.AUTHORIZATION, basic(email, "Leaver-Passw0rd-1")))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void healthAndInfoArePublicPrometheusIsForAdmins() throws Exception {
		mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
		mvc.perform(asAdmin(get("/actuator/health"))).andExpect(jsonPath("$.components.db.status").value("UP"));
		mvc.perform(get("/actuator/info")).andExpect(status().isOk());
		mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
		mvc.perform(asAdmin(get("/actuator/prometheus")))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("jvm_memory_used_bytes")));
	}

	@Test
	void apiDocumentationIsServed() throws Exception {
		mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/api/users']").exists())
			.andExpect(jsonPath("$.components.securitySchemes.apiToken.scheme").value("bearer"));
		mvc.perform(get("/swagger-ui.html")).andExpect(status().is3xxRedirection());
	}

	static String unique(String name) {
		return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
	}

}

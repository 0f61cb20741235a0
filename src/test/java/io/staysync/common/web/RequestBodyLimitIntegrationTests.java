package io.staysync.common.web;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

import io.staysync.test.ApiIntegrationTest;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An operator's own limit of API request bodies, set by the property name it always had.
 */
@TestPropertySource(properties = "staysync.http.max-request-body-bytes=4096")
class RequestBodyLimitIntegrationTests extends ApiIntegrationTest {

	@Test
	void bodiesAboveTheConfiguredLimitAreRefusedAndThoseBelowAccepted() throws Exception {
		String tooLong = "{\"email\":\"limit@test.staysync.io\",\"displayName\":\"" + "x".repeat(5_000)
				+ "\",\"password\":\"Limit-Passw0rd-1\",\"role\":\"VIEWER\"}";

		mvc.perform(json(asAdmin(post("/api/users")), tooLong))
			.andExpect(status().isContentTooLarge())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("The request body is larger than the limit of 4096 bytes."));

		mvc.perform(json(asAdmin(post("/api/users")),
				"{\"email\":\"limit@test.staysync.io\",\"password\":\"Limit-Passw0rd-1\",\"role\":\"VIEWER\"}"))
			.andExpect(status().isCreated());
	}

}

package io.staysync.common.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.jayway.jsonpath.JsonPath;

import io.staysync.test.ConsoleIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The API documentation a developer opens: every operation says what it does and which
 * errors it answers with, next to its success; the console opens it in a new tab.
 */
class ApiDocumentationIntegrationTests extends ConsoleIntegrationTest {

	@Test
	void everyOperationHasASummaryItsErrorAnswersAndItsSuccess() throws Exception {
		String docs = mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		Map<String, Map<String, Map<String, Object>>> paths = JsonPath.read(docs, "$.paths");
		List<String> missing = new ArrayList<>();
		int operations = 0;
		for (var path : paths.entrySet()) {
			for (var operation : path.getValue().entrySet()) {
				operations++;
				String name = operation.getKey().toUpperCase() + " " + path.getKey();
				Map<String, Object> details = operation.getValue();
				Object summary = details.get("summary");
				@SuppressWarnings("unchecked")
				Map<String, Object> responses = (Map<String, Object>) details.get("responses");
				if (summary == null || summary.toString().isBlank()) {
					missing.add(name + ": no summary");
				}
				if (responses.keySet().stream().noneMatch(code -> code.startsWith("4"))) {
					missing.add(name + ": no error answer");
				}
				if (responses.keySet().stream().noneMatch(code -> code.startsWith("2"))) {
					missing.add(name + ": no success answer");
				}
			}
		}
		assertThat(operations).isGreaterThan(25);
		assertThat(missing).isEmpty();
		// A declared success answer keeps the body's schema from the method.
		assertThat((Object) JsonPath.read(docs, "$.paths['/api/bookings/{id}'].get.responses['200'].content"))
			.isNotNull();
		assertThat((Object) JsonPath.read(docs, "$.paths['/api/bookings'].post.responses['201'].content")).isNotNull();
	}

	@Test
	void theConsoleOpensTheDocumentationInANewTab() throws Exception {
		assertThat(page(admin(), "/"))
			.containsPattern("href=\"/swagger-ui.html\" target=\"_blank\"\\s+rel=\"noopener\"");
	}

}

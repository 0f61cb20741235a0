package io.staysync.web;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.web.bind.annotation.PostMapping;

import io.staysync.test.ConsoleIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A record changed by someone else between reading and saving is a 409 the console
 * explains, as the API does, not an error id for the operator. The page below stands for
 * any console form whose save loses such a race (the race itself is timing, not something
 * a test can provoke reliably through the real pages).
 */
@Import(ConsoleErrorPagesIntegrationTests.StalePage.class)
class ConsoleErrorPagesIntegrationTests extends ConsoleIntegrationTest {

	@TestConfiguration
	@ConsoleController
	static class StalePage {

		@PostMapping("/test/stale-save")
		String save() {
			throw new OptimisticLockingFailureException("row version 3 expected, found 4");
		}

	}

	@Test
	void aSaveThatLostARaceSaysSomeoneElseChangedItAsAPageAndAsAFragment() throws Exception {
		MockHttpSession admin = admin();

		String page = mvc.perform(form("/test/stale-save", admin))
			.andExpect(status().isConflict())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		String fragment = mvc.perform(htmx(form("/test/stale-save", admin)))
			.andExpect(status().isConflict())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);

		assertThat(page).contains("Changed by someone else").contains("Reload the page").doesNotContain("row version");
		assertThat(fragment).contains("Changed by someone else").doesNotContain("<html");
	}

}

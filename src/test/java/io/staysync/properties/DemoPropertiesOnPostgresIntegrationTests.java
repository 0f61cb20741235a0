package io.staysync.properties;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import io.staysync.test.ApiIntegrationTest;
import io.staysync.test.OnPostgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Demo data never lands in a PostgreSQL (production) database, even when demo mode is on.
 */
@OnPostgres
@TestPropertySource(properties = "staysync.demo.enabled=true")
class DemoPropertiesOnPostgresIntegrationTests extends ApiIntegrationTest {

	@Test
	void postgresStartsEmpty() {
		assertThat(count("properties")).isZero();
	}

	@Test
	void noSandboxFeedsOutsideTheEmbeddedDatabase() throws Exception {
		mvc.perform(get("/sandbox/ical/airbnb-harbour-loft.ics")).andExpect(status().isNotFound());
	}

}

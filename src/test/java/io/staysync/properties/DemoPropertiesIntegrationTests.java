package io.staysync.properties;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import io.staysync.test.ApiIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Demo mode fills an empty embedded database with two sample properties. */
@TestPropertySource(properties = "staysync.demo.enabled=true")
class DemoPropertiesIntegrationTests extends ApiIntegrationTest {

	@Test
	void anEmptyEmbeddedDatabaseGetsTwoSampleProperties() {
		assertThat(jdbc.sql("select name from properties order by name").query(String.class).list())
			.containsExactly("Alpine Chalet", "Harbour Loft");
	}

	@Test
	void sandboxFeedsAreServedInTheShapeChannelsServe() throws Exception {
		mvc.perform(get("/sandbox/ical/airbnb-harbour-loft.ics"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("SUMMARY:Reserved")))
			.andExpect(content().string(containsString("HMSANDBOX1")));
		mvc.perform(get("/sandbox/ical/bookingcom-alpine-chalet.ics"))
			.andExpect(content().string(containsString("CLOSED - Not available")));
		mvc.perform(get("/sandbox/ical/../../etc/passwd.ics")).andExpect(status().is4xxClientError());
		mvc.perform(get("/sandbox/ical/nothing.ics")).andExpect(status().isNotFound());
	}

}

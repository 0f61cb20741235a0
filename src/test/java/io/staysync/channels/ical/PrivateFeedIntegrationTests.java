package io.staysync.channels.ical;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.jayway.jsonpath.JsonPath;

import io.staysync.test.ApiIntegrationTest;
import io.staysync.test.FeedServer;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * With the default settings a feed on this machine or a private network is never fetched.
 */
class PrivateFeedIntegrationTests extends ApiIntegrationTest {

	@Test
	void aFeedOnLoopbackIsRefusedAndTheRunSaysWhy() throws Exception {
		try (FeedServer feeds = new FeedServer()) {
			feeds.serve("/inside.ics", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "text/calendar");
			resetChannels();
			String property = createProperty("Inside " + System.nanoTime(), "Europe/Oslo", 2);
			mvc.perform(json(asAdmin(post("/api/integrations/ical/configure")), "{}")).andExpect(status().isOk());
			mvc.perform(json(asAdmin(put("/api/integrations/ical/mappings")),
					"[{\"externalListingId\":\"inside\",\"propertyId\":\"%s\",\"importUrl\":\"%s\"}]"
						.formatted(property, feeds.url("/inside.ics"))))
				.andExpect(status().isOk());

			String run = JsonPath.read(mvc.perform(asAdmin(post("/api/integrations/ical/sync")))
				.andReturn()
				.getResponse()
				.getContentAsString(), "$.id");

			await().atMost(Duration.ofSeconds(20))
				.untilAsserted(() -> mvc.perform(asAdmin(get("/api/syncs/" + run)))
					.andExpect(jsonPath("$.status").value("error"))
					.andExpect(jsonPath("$.listings[0].message").value(containsString("private or internal network"))));
			mvc.perform(asAdmin(get("/api/integrations/ical")))
				.andExpect(jsonPath("$.status").value("error"))
				.andExpect(jsonPath("$.statusMessage").value(containsString("private or internal network")));
			org.assertj.core.api.Assertions.assertThat(feeds.hits("/inside.ics")).isZero();
		}
	}

}

package io.staysync.common.http;

import java.io.IOException;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.TestPropertySource;

import io.staysync.security.SecurityTestSupport;
import io.staysync.test.ApiIntegrationTest;
import io.staysync.test.FeedServer;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Demo mode on the embedded database, with a real server: its own sandbox feeds can be
 * fetched, and no other local or private address, so that "Test connection" is no port
 * scanner.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = "staysync.demo.enabled=true")
class DemoModeFetchingIntegrationTests extends ApiIntegrationTest {

	static FeedServer elsewhere;

	@BeforeAll
	static void startAnotherLocalServer() throws IOException {
		elsewhere = new FeedServer();
	}

	@AfterAll
	static void stop() {
		elsewhere.close();
	}

	@Test
	void theDemoChannelsReachTheirSandboxFeedsOnThisInstance() {
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> mvc.perform(asAdmin(post("/api/integrations/airbnb/test")))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.ok").value(true)));
	}

	@Test
	void anyOtherLocalAddressIsRefusedWithoutBeingContacted() throws Exception {
		elsewhere.serve("/calendar.ics", "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n", "text/calendar");
		String property = createProperty("Scanner " + System.nanoTime(), "Europe/Lisbon", 2);
		String manager = SecurityTestSupport.unique("manager");
		createUser(manager, "Manager-Passw0rd-1", "MANAGER");

		for (String url : new String[] { elsewhere.url("/calendar.ics"), "http://127.0.0.1:5432/",
				"http://10.0.0.1/feed.ics" }) {
			mvc.perform(json(asAdmin(post("/api/integrations/ical/configure")), "{\"mode\":\"ical\"}"))
				.andExpect(status().isOk());
			mvc.perform(json(
					put("/api/integrations/ical/mappings").header("Authorization",
							basic(manager, "Manager-Passw0rd-1")),
					"[{\"externalListingId\":\"scan\",\"propertyId\":\"%s\",\"importUrl\":\"%s\"}]".formatted(property,
							url)))
				.andExpect(status().isOk());
			mvc.perform(
					post("/api/integrations/ical/test").header("Authorization", basic(manager, "Manager-Passw0rd-1")))
				.andExpect(jsonPath("$.ok").value(false))
				.andExpect(jsonPath("$.details[0]").value(containsString("private or internal network")));
		}
	}

}

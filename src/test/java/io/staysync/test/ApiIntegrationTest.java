package io.staysync.test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Base of tests that drive the application through HTTP with MockMvc, on the embedded H2
 * by default and on PostgreSQL in subclasses marked {@link OnPostgres}. The first
 * administrator comes from {@code application-test.properties}.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
public abstract class ApiIntegrationTest {

	protected static final String ADMIN_EMAIL = "admin@test.staysync.io";

	protected static final String ADMIN_PASSWORD = "Admin-Passw0rd-for-tests";

	@Autowired
	protected MockMvc mvc;

	@Autowired
	protected JdbcClient jdbc;

	protected static String basic(String email, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	protected static String bearer(String token) {
		return "Bearer " + token;
	}

	protected static MockHttpServletRequestBuilder asAdmin(MockHttpServletRequestBuilder request) {
		return request.header(HttpHeaders.AUTHORIZATION, basic(ADMIN_EMAIL, ADMIN_PASSWORD));
	}

	protected static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
		return request.contentType(MediaType.APPLICATION_JSON).content(body);
	}

	/** Creates a user through the API and returns its id. */
	protected String createUser(String email, String password, String role) throws Exception {
		String body = mvc
			.perform(json(asAdmin(post("/api/users")),
					"{\"email\":\"%s\",\"password\":\"%s\",\"role\":\"%s\"}".formatted(email, password, role)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JsonPath.read(body, "$.id");
	}

	/** Creates an API token for a user, signed in by password, and returns the token. */
	protected String createToken(String email, String password) throws Exception {
		String body = mvc
			.perform(json(post("/api/auth/tokens").header(HttpHeaders.AUTHORIZATION, basic(email, password)),
					"{\"name\":\"test token\"}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		return JsonPath.read(body, "$.token");
	}

	/** Creates a property through the API and returns its id. */
	protected String createProperty(String name, String timeZone, int maxGuests) throws Exception {
		String body = mvc
			.perform(json(asAdmin(post("/api/properties")),
					"{\"name\":\"%s\",\"timeZone\":\"%s\",\"maxGuests\":%d}".formatted(name, timeZone, maxGuests)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		return JsonPath.read(body, "$.id");
	}

	/** Creates a manual booking through the API (forced or not) and returns its id. */
	protected String createBooking(String propertyId, String checkIn, String checkOut, boolean force) throws Exception {
		String body = mvc.perform(json(asAdmin(post("/api/bookings?force=" + force)),
				"{\"propertyId\":\"%s\",\"checkIn\":\"%s\",\"checkOut\":\"%s\",\"guestName\":\"Guest\",\"adults\":2}"
					.formatted(propertyId, checkIn, checkOut)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		return JsonPath.read(body, "$.id");
	}

	/**
	 * Removes every integration and what hangs off it, after waiting for background sync
	 * runs of earlier tests to finish writing (tests of one class share a database).
	 */
	protected void resetChannels() {
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(60))
			.until(() -> count("sync_runs where status = 'running'") == 0);
		for (String table : new String[] { "webhook_inbox", "channel_rechecks", "oauth_states", "booking_misses",
				"sync_cursors", "sync_run_listings", "sync_runs", "sync_slots", "availability_pushes",
				"listing_mappings", "integrations" }) {
			jdbc.sql("delete from " + table).update();
		}
		// Only the integrations' executions: the housekeeping tasks are scheduled once,
		// at start-up.
		jdbc.sql("delete from scheduled_tasks where task_name = 'integration-sync'").update();
	}

	protected long count(String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

}

package io.staysync.web;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;

import io.staysync.test.ConsoleIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Every console page, by role; CSRF; what an expired session does. */
class ConsolePagesIntegrationTests extends ConsoleIntegrationTest {

	static final String[] PAGES = { "/", "/calendar", "/bookings", "/properties", "/integrations", "/conflicts",
			"/users" };

	@Test
	void everyPageRendersInTheLayoutForAnAdministrator() throws Exception {
		MockHttpSession admin = admin();
		for (String url : PAGES) {
			String html = page(admin, url);
			assertThat(html).as(url)
				.contains("id=\"console-nav\"", ADMIN_EMAIL, ">ADMIN<", "Audit log", "id=\"sign-out\"");
		}
		assertThat(page(admin, "/audit")).contains("id=\"audit-events\"", "login.succeeded");
		assertThat(page(admin, "/properties/new")).contains("id=\"property-form\"", "Europe/Lisbon");
		assertThat(page(admin, "/bookings/new")).contains("id=\"booking-form\"");
		assertThat(page(admin, "/integrations")).contains("id=\"configure-airbnb\"", "id=\"integration-booking_com\"");
		assertThat(page(admin, "/users")).contains("id=\"user-form\"", "id=\"token-form\"");
	}

	@Test
	void aViewerReadsEverythingButSeesNoWriteControlAndTheServerRefusesWrites() throws Exception {
		String property = createProperty("Viewer view " + System.nanoTime(), "Europe/Paris", 2);
		MockHttpSession viewer = as("VIEWER");

		assertThat(page(viewer, "/properties")).doesNotContain("id=\"new-property\"");
		assertThat(page(viewer, "/properties/" + property))
			.doesNotContain("id=\"save-property\"", "id=\"delete-property\"")
			.contains("<fieldset disabled");
		assertThat(page(viewer, "/bookings")).doesNotContain("id=\"new-booking\"");
		assertThat(page(viewer, "/integrations")).doesNotContain("id=\"configure-", "id=\"sync-");
		assertThat(page(viewer, "/")).doesNotContain("Audit log");
		assertThat(page(viewer, "/users")).doesNotContain("id=\"user-form\"").contains("id=\"token-form\"");

		long properties = count("properties");
		mvc.perform(get("/properties/new").session(viewer)).andExpect(status().isForbidden());
		mvc.perform(form("/properties", viewer).param("name", "Sneaky")
			.param("timeZone", "Europe/Paris")
			.param("maxGuests", "2")
			.param("checkInTime", "15:00")
			.param("checkOutTime", "11:00"))
			.andExpect(status().isForbidden())
			.andExpect(content().string(containsString("Your role does not allow this")));
		mvc.perform(form("/properties/" + property + "/delete", viewer)).andExpect(status().isForbidden());
		mvc.perform(get("/audit").session(viewer)).andExpect(status().isForbidden());
		mvc.perform(get("/integrations/airbnb/configure").session(viewer)).andExpect(status().isForbidden());
		mvc.perform(htmx(form("/integrations/airbnb/sync", viewer))).andExpect(status().isForbidden());
		assertThat(count("properties")).isEqualTo(properties);
	}

	@Test
	void aManagerSyncsAndMapsButDoesNotConfigureOrReadTheAuditLog() throws Exception {
		MockHttpSession manager = as("MANAGER");
		mvc.perform(json(asAdmin(post("/api/integrations/ical/configure")), "{\"mode\":\"ical\"}"));

		String integrations = page(manager, "/integrations");
		assertThat(integrations).doesNotContain("id=\"configure-").contains("id=\"sync-ical\"");
		assertThat(page(manager, "/properties")).contains("id=\"new-property\"");
		mvc.perform(get("/integrations/ical/configure").session(manager)).andExpect(status().isForbidden());
		mvc.perform(get("/audit").session(manager)).andExpect(status().isForbidden());
	}

	@Test
	void formsWithoutTheCsrfTokenAreRefused() throws Exception {
		MockHttpSession admin = admin();
		long properties = count("properties");
		mvc.perform(post("/properties").session(admin)
			.param("name", "No CSRF")
			.param("timeZone", "Europe/Paris")
			.param("maxGuests", "2")).andExpect(status().isForbidden());
		mvc.perform(post("/integrations/airbnb/configure").session(admin)
			.header("HX-Request", "true")
			.param("mode", "ICAL")).andExpect(status().isForbidden());
		assertThat(count("properties")).isEqualTo(properties);
	}

	@Test
	void anExpiredSessionReturnsToLoginAndThenBackToThePage() throws Exception {
		MockHttpSession expired = new MockHttpSession();
		mvc.perform(get("/calendar?from=2027-01-01").session(expired))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/login"));
		mvc.perform(post("/login").session(expired)
			.param("username", ADMIN_EMAIL)
			.param("password", ADMIN_PASSWORD)
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("http://localhost/calendar?from=2027-01-01&continue"));

		// An htmx request (a dialog, a live row) is told to reload the page it came from.
		mvc.perform(get("/integrations/airbnb/runs").header("HX-Request", "true")
			.header("HX-Current-URL", "http://localhost/integrations?x=1"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("HX-Redirect", "/integrations?x=1"));
		mvc.perform(get("/integrations/airbnb/runs").header("HX-Request", "true")
			.header("HX-Current-URL", "https://evil.example/steal"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("HX-Redirect", "/login"));
	}

	@Test
	void errorsArePagesInWordsNotJson() throws Exception {
		MockHttpSession admin = admin();
		String missing = mvc.perform(get("/bookings/00000000-0000-0000-0000-000000000000").session(admin))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith("text/html"))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(missing).contains("Not found", "id=\"console-nav\"");
		mvc.perform(get("/bookings/not-a-uuid").session(admin))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Not understood")))
			.andExpect(content().string(not(containsString("Exception"))));
		mvc.perform(get("/bookings/00000000-0000-0000-0000-000000000000").session(admin).header("HX-Request", "true"))
			.andExpect(status().isNotFound())
			.andExpect(content().string(not(containsString("console-nav"))))
			.andExpect(content().string(containsString("role=\"alert\"")));
	}

	@Test
	void aBrowserThatHitsAnUnknownPageGetsAPageNotJson() throws Exception {
		mvc.perform(get("/no-such-page").session(admin()).accept(org.springframework.http.MediaType.TEXT_HTML))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("This page does not exist")));
	}

	@Test
	void errorsThatNeverReachedAControllerAreProblemDetailsOrThePage() throws Exception {
		mvc.perform(get("/error").requestAttr("jakarta.servlet.error.status_code", 400)
			.requestAttr("jakarta.servlet.error.request_uri", "/api/properties/..;/x"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.detail")
				.value(containsString("refused before it reached Staysync")))
			.andExpect(content().string(not(containsString("trace"))));
		mvc.perform(get("/error").requestAttr("jakarta.servlet.error.status_code", 500)
			.accept(org.springframework.http.MediaType.TEXT_HTML))
			.andExpect(status().isInternalServerError())
			.andExpect(content().string(containsString("Something went wrong")));
	}

	@Test
	void theDashboardLoadsItsPanelsAndTheyReportWhatNeedsAttention() throws Exception {
		resetChannels();
		MockHttpSession admin = admin();
		assertThat(page(admin, "/")).contains("hx-get=\"/integrations/attention\"", "hx-get=\"/conflicts/attention\"");
		assertThat(page(admin, "/integrations/attention")).contains("No channel is configured yet");

		mvc.perform(json(asAdmin(post("/api/integrations/ical/configure")), "{\"mode\":\"ical\",\"isActive\":true}"));
		assertThat(page(admin, "/integrations/attention")).contains("data-kind=\"unmapped\"", "has no mapped listings");

		String property = createProperty("Attention " + System.nanoTime(), "Europe/Paris", 4);
		createBooking(property, "2027-05-01", "2027-05-05", false);
		createBooking(property, "2027-05-03", "2027-05-06", true);
		assertThat(page(admin, "/conflicts/attention")).contains("Resolve them", "2027-05-0");
		assertThat(page(admin, "/conflicts")).contains("2027-05-01 → 2027-05-05", "2027-05-03 → 2027-05-06");
	}

}

package io.staysync.properties;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.jayway.jsonpath.JsonPath;

import io.staysync.test.ApiIntegrationTest;

import static io.staysync.security.SecurityTestSupport.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class PropertyApiIntegrationTests extends ApiIntegrationTest {

	static final String LOFT = """
			{"name":"Harbour Loft","timeZone":"Europe/Lisbon","checkInTime":"16:00","checkOutTime":"10:00",
			 "maxGuests":4,"addressLine1":"Rua do Cais 1","city":"Lisboa","postalCode":"1100-001","countryCode":"PT"}""";

	@Test
	void createReadUpdateAndDeleteAreAudited() throws Exception {
		String body = mvc.perform(json(asAdmin(post("/api/properties")), LOFT))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.timeZone").value("Europe/Lisbon"))
			.andExpect(jsonPath("$.checkInTime").value("16:00:00"))
			.andExpect(jsonPath("$.city").value("Lisboa"))
			.andExpect(jsonPath("$.version").value(0))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		String id = JsonPath.read(body, "$.id");

		mvc.perform(asAdmin(get("/api/properties/" + id))).andExpect(jsonPath("$.name").value("Harbour Loft"));
		mvc.perform(json(asAdmin(put("/api/properties/" + id)),
				LOFT.replace("Harbour Loft", "Harbour Loft 2").replace("}", ",\"version\":0}")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("Harbour Loft 2"))
			.andExpect(jsonPath("$.version").value(1));
		mvc.perform(asAdmin(delete("/api/properties/" + id))).andExpect(status().isNoContent());
		mvc.perform(asAdmin(get("/api/properties/" + id))).andExpect(status().isNotFound());

		assertThat(jdbc.sql("select action from audit_events where target = :t order by id")
			.param("t", "property:" + id)
			.query(String.class)
			.list()).containsExactly("property.created", "property.updated", "property.deleted");
	}

	@Test
	void staleOrMissingVersionOnUpdateIsRefusedAndChangesNothing() throws Exception {
		String id = createProperty("Versioned", "Europe/Paris", 2);
		mvc.perform(json(asAdmin(put("/api/properties/" + id)),
				"{\"name\":\"First\",\"timeZone\":\"Europe/Paris\",\"maxGuests\":2,\"version\":0}"))
			.andExpect(status().isOk());

		mvc.perform(json(asAdmin(put("/api/properties/" + id)),
				"{\"name\":\"Second\",\"timeZone\":\"Europe/Paris\",\"maxGuests\":2,\"version\":0}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("changed by someone else")));
		mvc.perform(json(asAdmin(put("/api/properties/" + id)),
				"{\"name\":\"Third\",\"timeZone\":\"Europe/Paris\",\"maxGuests\":2}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("version"));
		mvc.perform(asAdmin(get("/api/properties/" + id))).andExpect(jsonPath("$.name").value("First"));
	}

	@Test
	void badInputIsRefusedWithTheFieldNamed() throws Exception {
		long before = count("properties");

		for (String zone : new String[] { "Mars/Olympus_Mons", "+02:00", "GMT+1", "", "Europe/paris" }) {
			mvc.perform(json(asAdmin(post("/api/properties")),
					"{\"name\":\"X\",\"timeZone\":\"%s\",\"maxGuests\":2}".formatted(zone)))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("timeZone"));
		}
		mvc.perform(json(asAdmin(post("/api/properties")), "{\"name\":\" \",\"timeZone\":\"UTC\",\"maxGuests\":0}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", org.hamcrest.Matchers.containsInAnyOrder("name", "maxGuests")));
		mvc.perform(json(asAdmin(post("/api/properties")),
				"{\"name\":\"X\",\"timeZone\":\"UTC\",\"maxGuests\":2,\"checkInTime\":\"25:00\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("checkInTime"));
		mvc.perform(json(asAdmin(post("/api/properties")),
				"{\"name\":\"X\",\"timeZone\":\"UTC\",\"maxGuests\":2,\"countryCode\":\"Portugal\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("countryCode"));
		mvc.perform(json(asAdmin(post("/api/properties")),
				"{\"name\":\"" + "x".repeat(201) + "\",\"timeZone\":\"UTC\",\"maxGuests\":2}"))
			.andExpect(status().isBadRequest());

		assertThat(count("properties")).isEqualTo(before);
	}

	@Test
	void fixedOffsetsAreRefusedAsTimeZonesWithTheReasonAndUtcIsAccepted() throws Exception {
		long before = count("properties");
		for (String zone : new String[] { "+02:00", "UTC+2", "GMT-5", "Etc/GMT+2", "Etc/UTC" }) {
			mvc.perform(json(asAdmin(post("/api/properties")),
					"{\"name\":\"X\",\"timeZone\":\"%s\",\"maxGuests\":2}".formatted(zone)))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("timeZone"))
				.andExpect(jsonPath("$.errors[0].message").value(containsString("not a fixed offset")));
		}
		assertThat(count("properties")).isEqualTo(before);

		String id = createProperty("Anywhere", "UTC", 2);
		mvc.perform(asAdmin(get("/api/properties/" + id)))
			.andExpect(jsonPath("$.timeZone").value("UTC"))
			.andExpect(jsonPath("$.checkInTime").value("15:00:00"))
			.andExpect(jsonPath("$.checkOutTime").value("11:00:00"));

		// An update is held to the same rule as a creation.
		mvc.perform(json(asAdmin(put("/api/properties/" + id)),
				"{\"name\":\"Anywhere\",\"timeZone\":\"Etc/GMT-2\",\"maxGuests\":2,\"version\":0}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("timeZone"));
	}

	@Test
	void aPropertyWithBookingsIsNotDeleted() throws Exception {
		String id = createProperty("Booked", "Europe/Rome", 2);
		String booking = createBooking(id, "2027-02-01", "2027-02-03", false);
		mvc.perform(asAdmin(post("/api/bookings/" + booking + "/cancel"))).andExpect(status().isOk());

		mvc.perform(asAdmin(delete("/api/properties/" + id)))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("1 booking")));
		mvc.perform(asAdmin(get("/api/properties/" + id))).andExpect(status().isOk());
	}

	@Test
	void viewersReadButDoNotWrite() throws Exception {
		String email = unique("viewer");
		createUser(email, "Viewer-Passw0rd-1", "VIEWER");
		String id = createProperty("Seen", "Asia/Tokyo", 2);

		mvc.perform(get("/api/properties/" + id).header("Authorization", basic(email, "Viewer-Passw0rd-1")))
			.andExpect(status().isOk());
		mvc.perform(json(post("/api/properties").header("Authorization", basic(email, "Viewer-Passw0rd-1")), LOFT))
			.andExpect(status().isForbidden());
		mvc.perform(delete("/api/properties/" + id).header("Authorization", basic(email, "Viewer-Passw0rd-1")))
			.andExpect(status().isForbidden());
	}

}

package io.staysync.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;

import io.staysync.bookings.BookingImport;
import io.staysync.bookings.BookingKind;
import io.staysync.bookings.BookingSource;
import io.staysync.bookings.BookingStatus;
import io.staysync.bookings.ChannelBooking;
import io.staysync.test.ConsoleIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The console's forms: validated on the server, problems next to the field, nothing
 * created twice.
 */
class ConsoleFormsIntegrationTests extends ConsoleIntegrationTest {

	@Autowired
	BookingImport imports;

	@Test
	void aPropertyFormShowsEachProblemNextToItsFieldAndCreatesNothing() throws Exception {
		MockHttpSession admin = admin();
		long before = count("properties");
		String html = mvc
			.perform(form("/properties", admin).param("name", " ")
				.param("timeZone", "+02:00")
				.param("maxGuests", "0")
				.param("checkInTime", "15:00")
				.param("checkOutTime", "11:00")
				.param("countryCode", "France")
				.param("_once", onceToken(page(admin, "/properties/new"))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);

		assertThat(html).contains("must be an IANA time zone such as Europe/Lisbon",
				"must be greater than or equal to 1", "must be an ISO 3166 alpha-2 country code", "is-invalid");
		assertThat(count("properties")).isEqualTo(before);
	}

	@Test
	void thePropertyFormOffersTheZonesTheApiAcceptsAndExplainsAFixedOffsetOnTheField() throws Exception {
		MockHttpSession admin = admin();
		String blank = page(admin, "/properties/new");
		assertThat(blank).contains("<option value=\"UTC\">UTC</option>", "<option value=\"Europe/Lisbon\">")
			.doesNotContain("Etc/GMT", "SystemV/");

		long before = count("properties");
		String html = mvc
			.perform(form("/properties", admin).param("name", "Offset Flat")
				.param("timeZone", "Etc/GMT-2")
				.param("maxGuests", "2")
				.param("checkInTime", "15:00")
				.param("checkOutTime", "11:00")
				.param("_once", onceToken(blank)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(html).containsPattern("<select class=\"form-select is-invalid\"[^>]*name=\"timeZone\"")
			.containsPattern("<div class=\"invalid-feedback\">[^<]*not a fixed offset[^<]*</div>");
		assertThat(count("properties")).isEqualTo(before);
	}

	@Test
	void aDoubleSubmittedFormCreatesTheThingOnce() throws Exception {
		MockHttpSession admin = admin();
		String once = onceToken(page(admin, "/properties/new"));
		String name = "Double " + System.nanoTime();
		for (int attempt = 0; attempt < 2; attempt++) {
			mvc.perform(form("/properties", admin).param("name", name)
				.param("timeZone", "Europe/Lisbon")
				.param("maxGuests", "3")
				.param("checkInTime", "15:00")
				.param("checkOutTime", "11:00")
				.param("_once", once))
				.andExpect(status().is3xxRedirection())
				.andExpect(redirectedUrl("/properties"))
				.andExpect(attempt == 0 ? flash().attribute("flash", containsString("created"))
						: flash().attribute("warning", containsString("already sent")));
		}
		assertThat(count("properties where name = '" + name + "'")).isEqualTo(1);

		// A post with a token this session never handed out (an old tab, another session)
		// is shown again, filled in.
		mvc.perform(form("/properties", admin).param("name", name + " again")
			.param("timeZone", "Europe/Lisbon")
			.param("maxGuests", "3")
			.param("checkInTime", "15:00")
			.param("checkOutTime", "11:00")
			.param("_once", "forged"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("send it again")))
			.andExpect(content().string(containsString("value=\"" + name + " again\"")));
		assertThat(count("properties where name = '" + name + " again'")).isZero();

		// Fragments polled by htmx hand out no tokens, so they cannot crowd out an open
		// form's token.
		String open = onceToken(page(admin, "/properties/new"));
		for (int poll = 0; poll < 100; poll++) {
			mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/conflicts/attention")
				.session(admin)
				.header("HX-Request", "true")).andExpect(status().isOk());
		}
		mvc.perform(form("/properties", admin).param("name", name + " later")
			.param("timeZone", "Europe/Lisbon")
			.param("maxGuests", "3")
			.param("checkInTime", "15:00")
			.param("checkOutTime", "11:00")
			.param("_once", open)).andExpect(redirectedUrl("/properties"));
		assertThat(count("properties where name = '" + name + " later'")).isOne();
	}

	@Test
	void aPropertyIsEditedWithItsVersionAndAStaleEditIsExplained() throws Exception {
		MockHttpSession admin = admin();
		String id = createProperty("Editable " + System.nanoTime(), "Europe/Paris", 2);
		assertThat(page(admin, "/properties/" + id)).contains("name=\"version\" value=\"0\"");

		mvc.perform(form("/properties/" + id, admin).param("name", "Edited")
			.param("timeZone", "Europe/Paris")
			.param("maxGuests", "5")
			.param("checkInTime", "16:00")
			.param("checkOutTime", "10:00")
			.param("version", "0")).andExpect(redirectedUrl("/properties"));
		assertThat(jdbc.sql("select max_guests from properties where id = cast(:id as uuid)")
			.param("id", id)
			.query(Integer.class)
			.single()).isEqualTo(5);

		mvc.perform(form("/properties/" + id, admin).param("name", "Stale")
			.param("timeZone", "Europe/Paris")
			.param("maxGuests", "6")
			.param("checkInTime", "16:00")
			.param("checkOutTime", "10:00")
			.param("version", "0"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Someone else changed this property")));
	}

	@Test
	void aPropertyWithBookingsIsNotDeletedAndTheManagerIsToldWhy() throws Exception {
		MockHttpSession admin = admin();
		String id = createProperty("Kept " + System.nanoTime(), "Europe/Paris", 2);
		createBooking(id, "2027-03-01", "2027-03-03", false);
		mvc.perform(form("/properties/" + id + "/delete", admin))
			.andExpect(redirectedUrl("/properties/" + id))
			.andExpect(flash().attribute("warning", containsString("booking")));
		assertThat(count("properties where id = cast('" + id + "' as uuid)")).isOne();
	}

	@Test
	void aManualBookingThatOverlapsIsRefusedWithTheReasonUntilForced() throws Exception {
		MockHttpSession admin = admin();
		String property = createProperty("Overlap " + System.nanoTime(), "Europe/Paris", 4);
		createBooking(property, "2027-04-10", "2027-04-14", false);

		String once = onceToken(page(admin, "/bookings/new?propertyId=" + property + "&checkIn=2027-04-12"));
		String refused = mvc
			.perform(form("/bookings", admin).param("propertyId", property)
				.param("kind", "RESERVATION")
				.param("checkIn", "2027-04-12")
				.param("checkOut", "2027-04-16")
				.param("guestName", "Late Guest")
				.param("_once", once))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(refused)
			.contains("These nights are already taken by:", "id=\"overlapping\"", "2027-04-10 → 2027-04-14",
					"name=\"force\"")
			.doesNotContain("force=true");
		assertThat(refused).contains("tick “Save anyway” below").doesNotContain("force=", "conflictingBookingIds");
		assertThat(count("bookings where property_id = cast('" + property + "' as uuid)")).isOne();

		MvcResult forced = mvc
			.perform(form("/bookings", admin).param("propertyId", property)
				.param("kind", "RESERVATION")
				.param("checkIn", "2027-04-12")
				.param("checkOut", "2027-04-16")
				.param("guestName", "Late Guest")
				.param("force", "true")
				.param("_once", onceToken(refused)))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		assertThat(count("bookings where property_id = cast('" + property + "' as uuid)")).isEqualTo(2);
		assertThat(page(admin, forced.getResponse().getRedirectedUrl())).contains("Late Guest", "2027-04-16",
				"id=\"cancel-booking\"");
		assertThat(page(admin, "/conflicts?propertyId=" + property)).contains("Late Guest");
	}

	@Test
	void aRefusedBookingListsEveryBookingInTheWayAsTheConsoleNamesThem() throws Exception {
		MockHttpSession admin = admin();
		String property = createProperty("Crowded " + System.nanoTime(), "Europe/Paris", 4);
		UUID integration = UUID.randomUUID();
		UUID airbnb = imports.apply(new ChannelBooking(integration, BookingSource.AIRBNB, "uid-" + System.nanoTime(),
				"L1", UUID.fromString(property), BookingKind.RESERVATION, BookingStatus.CONFIRMED,
				LocalDate.of(2027, 5, 1), LocalDate.of(2027, 5, 4), null, null, null, null, null, null, "HMCROWD42"))
			.bookingId();
		String block = mvc
			.perform(form("/bookings", admin).param("propertyId", property)
				.param("kind", "BLOCK")
				.param("checkIn", "2027-05-05")
				.param("checkOut", "2027-05-07")
				.param("_once", onceToken(page(admin, "/bookings/new"))))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();

		String refused = mvc
			.perform(form("/bookings", admin).param("propertyId", property)
				.param("kind", "RESERVATION")
				.param("checkIn", "2027-05-02")
				.param("checkOut", "2027-05-06")
				.param("guestName", "Squeezed In")
				.param("_once", onceToken(page(admin, "/bookings/new"))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);

		assertThat(refused)
			.contains("These nights are already taken by:", "/bookings/" + airbnb, "HMCROWD42",
					"2027-05-01 → 2027-05-04", block, "2027-05-05 → 2027-05-07", "tick “Save anyway” below",
					"name=\"force\"")
			.doesNotContain("force=true", "Add force", "conflictingBookingIds");
		assertThat(count("bookings where property_id = cast('" + property + "' as uuid)")).isEqualTo(2);
	}

	@Test
	void bookingFormProblemsAreShownNextToTheFields() throws Exception {
		MockHttpSession admin = admin();
		String property = createProperty("Checks " + System.nanoTime(), "Europe/Paris", 2);
		String html = mvc
			.perform(form("/bookings", admin).param("propertyId", property)
				.param("kind", "RESERVATION")
				.param("checkIn", "2027-04-12")
				.param("checkOut", "2027-04-10")
				.param("adults", "5")
				.param("currency", "XXX")
				.param("totalAmount", "-3")
				.param("_once", onceToken(page(admin, "/bookings/new"))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(html).contains("is-invalid");
		assertThat(html).containsIgnoringCase("check");
		assertThat(count("bookings where property_id = cast('" + property + "' as uuid)")).isZero();

		String missing = mvc
			.perform(form("/bookings", admin).param("kind", "RESERVATION").param("checkIn", "not-a-date"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(missing).contains("choose a property", "is-invalid");
	}

	@Test
	void aManualBookingIsCancelledFromItsPageAndAChannelBookingIsNot() throws Exception {
		MockHttpSession admin = admin();
		String property = createProperty("Cancel " + System.nanoTime(), "Europe/Paris", 2);
		String booking = createBooking(property, "2027-06-01", "2027-06-03", false);
		mvc.perform(form("/bookings/" + booking + "/cancel", admin))
			.andExpect(redirectedUrl("/bookings/" + booking))
			.andExpect(flash().attribute("flash", containsString("cancelled")));
		assertThat(jdbc.sql("select status from bookings where id = cast(:id as uuid)")
			.param("id", booking)
			.query(String.class)
			.single()).isEqualTo("CANCELLED");
	}

	@Test
	void theCalendarPaintsBookingsBySourceAndLinksToThem() throws Exception {
		MockHttpSession admin = admin();
		String property = createProperty("Timeline " + System.nanoTime(), "Europe/Paris", 2);
		String booking = createBooking(property, "2027-07-02", "2027-07-04", false);
		String html = page(admin, "/calendar?from=2027-07-01&to=2027-07-08&propertyId=" + property);
		assertThat(html)
			.contains("class=\"night-booked src-MANUAL\"", "/bookings/" + booking, "data-date=\"2027-07-03\"")
			.doesNotContain("data-date=\"2027-07-08\"");
		assertThat(page(admin, "/calendar?from=2027-07-08&to=2027-07-01")).contains("Choose an end after the start");
	}

	@Test
	void usersAreAddedWithTheRulesOfTheApiAndTokensAreShownOnce() throws Exception {
		MockHttpSession admin = admin();
		String html = mvc
			.perform(form("/users", admin).param("email", "not-an-email")
				.param("password", "short")
				.param("role", "MANAGER")
				.param("_once", onceToken(page(admin, "/users"))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(html).contains("must be a well-formed email address", "must be at least 12 characters");

		String email = "new" + System.nanoTime() + "@test.staysync.io";
		mvc.perform(form("/users", admin).param("email", email)
			.param("password", "Long-enough-passw0rd")
			.param("role", "MANAGER")
			.param("_once", onceToken(page(admin, "/users")))).andExpect(redirectedUrl("/users"));
		assertThat(page(admin, "/users")).contains(email);
		MockHttpSession manager = signIn(email, "Long-enough-passw0rd");

		String created = mvc
			.perform(form("/users/tokens", manager).param("name", "PMS import")
				.param("expiresInDays", "30")
				.param("_once", onceToken(page(manager, "/users"))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		java.util.regex.Matcher token = java.util.regex.Pattern.compile("id=\"issued-token-value\">(sst_[^<]+)<")
			.matcher(created);
		assertThat(token.find()).isTrue();
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/properties")
			.header("Authorization", bearer(token.group(1)))).andExpect(status().isOk());
		assertThat(page(manager, "/users")).contains("PMS import").doesNotContain(token.group(1));

		String tokenId = jdbc.sql("select id from api_tokens where name = 'PMS import' and revoked_at is null")
			.query(String.class)
			.single();
		mvc.perform(form("/users/tokens/" + tokenId + "/revoke", manager)).andExpect(redirectedUrl("/users"));
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/properties")
			.header("Authorization", bearer(token.group(1)))).andExpect(status().isUnauthorized());

		// The administrator demotes the manager; the audit log shows it.
		String userId = jdbc.sql("select id from user_accounts where email = :e")
			.param("e", email)
			.query(String.class)
			.single();
		mvc.perform(form("/users/" + userId, admin).param("role", "VIEWER").param("enabled", "true"))
			.andExpect(flash().attribute("flash", "User saved."));
		assertThat(jdbc.sql("select role from user_accounts where id = cast(:id as uuid)")
			.param("id", userId)
			.query(String.class)
			.single()).isEqualTo("VIEWER");
		assertThat(page(admin, "/audit?action=user.updated")).contains("user:" + userId)
			.doesNotContain("login.succeeded");

		// An administrator resets a password: too short is refused, a good one works at
		// the next sign-in.
		mvc.perform(form("/users/" + userId, admin).param("role", "VIEWER")
			.param("enabled", "true")
			.param("password", "short"))
			.andExpect(flash().attribute("warning", containsString("at least 12 characters")));
		mvc.perform(form("/users/" + userId, admin).param("role", "VIEWER")
			.param("enabled", "true")
			.param("password", "Brand-new-passw0rd"))
			.andExpect(flash().attribute("flash", "User saved with the new password."));
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/login")
			.param("username", email)
			.param("password", "Brand-new-passw0rd")
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
			.andExpect(redirectedUrl("/"));
		assertThat(page(admin, "/audit?action=user.updated")).doesNotContain("Brand-new-passw0rd");
	}

}

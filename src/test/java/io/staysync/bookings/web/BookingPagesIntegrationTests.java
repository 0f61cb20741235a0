package io.staysync.bookings.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;

import com.jayway.jsonpath.JsonPath;

import io.staysync.bookings.BookingImport;
import io.staysync.bookings.BookingKind;
import io.staysync.bookings.BookingSource;
import io.staysync.bookings.BookingStatus;
import io.staysync.bookings.ChannelBooking;
import io.staysync.test.ConsoleIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Bookings as a manager works with them: found by guest or code, a manual one changed
 * under the same overlap rule as a new one, guests counted in words, the property's
 * currency offered, problems in the form's words.
 */
class BookingPagesIntegrationTests extends ConsoleIntegrationTest {

	@Autowired
	BookingImport imports;

	@Test
	void aBookingIsFoundByGuestNameOrByCode() throws Exception {
		String property = createProperty("Search " + System.nanoTime(), "Europe/Lisbon", 4);
		String guest = "Zélie Quartermain" + System.nanoTime();
		String found = manual(property, "2027-09-01", "2027-09-03", guest, 1, null, null);
		String other = manual(property, "2027-09-05", "2027-09-07", "Somebody Else", 1, null, null);
		MockHttpSession viewer = as("VIEWER");

		assertThat(page(viewer, "/bookings?q=quartermain")).contains("/bookings/" + found)
			.doesNotContain("/bookings/" + other);
		String code = ConflictPagesIntegrationTests.code(found);
		assertThat(page(viewer, "/bookings?q=" + code)).contains("/bookings/" + found, code)
			.doesNotContain("/bookings/" + other);
		assertThat(search(viewer, "%")).contains("id=\"no-bookings\"");
		assertThat(search(viewer, "<b>")).contains("value=\"&lt;b&gt;\"").doesNotContain("value=\"<b>");
	}

	@Test
	void aManualBookingIsChangedUnderTheSameOverlapRuleAndAudited() throws Exception {
		String property = createProperty("Edit " + System.nanoTime(), "Europe/Lisbon", 4);
		String booking = manual(property, "2027-10-01", "2027-10-03", "Ana", 1, null, null);
		String next = manual(property, "2027-10-10", "2027-10-12", "Bruno", 2, null, null);
		MockHttpSession manager = as("MANAGER");
		assertThat(page(manager, "/bookings/" + booking)).contains("id=\"edit-booking\"", "1 adult,")
			.doesNotContain("1 adults");

		String form = page(manager, "/bookings/" + booking + "/edit");
		assertThat(form).contains("Change reservation", "value=\"2027-10-01\"", "value=\"Ana\"",
				"id=\"editing-property\"");

		mvc.perform(form("/bookings/" + booking, manager).param("propertyId", property)
			.param("kind", "RESERVATION")
			.param("checkIn", "2027-10-02")
			.param("checkOut", "2027-10-05")
			.param("guestName", "Ana <i>Sousa</i>")
			.param("adults", "2")
			.param("totalAmount", "300")
			.param("currency", "eur"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/bookings/" + booking))
			.andExpect(flash().attribute("flash", "Changes saved: 2027-10-02 to 2027-10-05."));
		assertThat(page(manager, "/bookings/" + booking)).contains("Ana &lt;i&gt;Sousa&lt;/i&gt;", "2 adults",
				"300 EUR", "2027-10-05");
		assertThat(count("audit_events where action = 'booking.updated' and target = 'booking:" + booking + "'"))
			.isOne();

		String refused = mvc
			.perform(form("/bookings/" + booking, manager).param("propertyId", property)
				.param("kind", "RESERVATION")
				.param("checkIn", "2027-10-02")
				.param("checkOut", "2027-10-11"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(refused).contains("These nights are already taken by:", "/bookings/" + next, "name=\"force\"");
		assertThat(count("bookings where id = '" + booking + "' and check_out = '2027-10-05'")).isOne();

		String backwards = mvc
			.perform(form("/bookings/" + booking, manager).param("propertyId", property)
				.param("kind", "RESERVATION")
				.param("checkIn", "2027-10-06")
				.param("checkOut", "2027-10-04"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(backwards).contains("must be after the arrival day").doesNotContain("after checkIn");
	}

	@Test
	void aViewerCannotChangeABookingAndAChannelBookingIsNotChangedHere() throws Exception {
		String property = createProperty("Edit viewer " + System.nanoTime(), "Europe/Lisbon", 4);
		String booking = manual(property, "2027-11-01", "2027-11-03", "Ana", 1, null, null);
		MockHttpSession viewer = as("VIEWER");

		assertThat(page(viewer, "/bookings/" + booking)).doesNotContain("id=\"edit-booking\"", "id=\"cancel-booking\"");
		mvc.perform(get("/bookings/" + booking + "/edit").session(viewer)).andExpect(status().isForbidden());
		mvc.perform(form("/bookings/" + booking, viewer).param("propertyId", property)
			.param("kind", "RESERVATION")
			.param("checkIn", "2027-11-01")
			.param("checkOut", "2027-11-09")).andExpect(status().isForbidden());
		assertThat(count("bookings where id = '" + booking + "' and check_out = '2027-11-03'")).isOne();
	}

	@Test
	void cancellingAsksFirst() throws Exception {
		String property = createProperty("Cancel " + System.nanoTime(), "Europe/Lisbon", 4);
		String booking = manual(property, "2027-11-10", "2027-11-12", "Ana", 1, null, null);

		assertThat(page(admin(), "/bookings/" + booking))
			.contains("data-confirm=\"Cancel this booking (2027-11-10 → 2027-11-12)? Its nights become free again.\"");
	}

	@Test
	void aNewBookingStartsInTheCurrencyThePropertyUses() throws Exception {
		String property = createProperty("Currency " + System.nanoTime(), "Europe/London", 4);
		manual(property, "2027-12-01", "2027-12-03", "Ana", 1, "250", "GBP");
		MockHttpSession admin = admin();

		assertThat(page(admin, "/bookings/new?propertyId=" + property)).contains("value=\"GBP\"");
		mvc.perform(form("/bookings", admin).param("propertyId", property)
			.param("kind", "RESERVATION")
			.param("checkIn", "2027-12-05")
			.param("checkOut", "2027-12-07")
			.param("totalAmount", "180")
			.param("_once", onceToken(page(admin, "/bookings/new")))).andExpect(status().is3xxRedirection());
		assertThat(count("bookings where property_id = '" + property
				+ "' and check_in = '2027-12-05' and currency = 'GBP' and total_amount = 180"))
			.isOne();
	}

	@Test
	void aTentativeChannelBookingShowsItsStatusDistinctlyAndTheGuestsContactDetails() throws Exception {
		String property = createProperty("Requested " + System.nanoTime(), "Europe/Lisbon", 4);
		LocalDate soon = LocalDate.now().plusDays(25);
		UUID booking = imports
			.apply(new ChannelBooking(UUID.randomUUID(), BookingSource.AIRBNB, "HMREQ" + System.nanoTime(), "L1",
					UUID.fromString(property), BookingKind.RESERVATION, BookingStatus.TENTATIVE, soon, soon.plusDays(2),
					"Rita Requests", 2, 0, null, null, null, null, "rita.5521@guest.airbnb.com", "+351 912 000 111"))
			.bookingId();
		MockHttpSession viewer = as("VIEWER");

		assertThat(page(viewer, "/bookings?propertyId=" + property + "&status=TENTATIVE")).contains(
				"/bookings/" + booking, "booking-tentative\">Tentative<", "rita.5521@guest.airbnb.com",
				"+351 912 000 111");
		assertThat(page(viewer, "/bookings?propertyId=" + property + "&status=CONFIRMED"))
			.doesNotContain("/bookings/" + booking);
		assertThat(page(viewer, "/bookings?q=rita.5521")).as("found by e-mail").contains("/bookings/" + booking);
		assertThat(page(viewer, "/bookings/" + booking)).contains("href=\"mailto:rita.5521@guest.airbnb.com\"",
				"href=\"tel:+351912000111\"", "id=\"tentative-note\"", "Its nights are held here");
		assertThat(page(viewer, "/calendar?from=" + soon + "&propertyId=" + property)).contains("night-tentative",
				"data-state=\"tentative\"", soon + " tentative (AIRBNB)", "Tentative (dashed, ?)");
		assertThat(page(viewer, "/bookings/property/" + property)).contains("/bookings/" + booking,
				"booking-tentative ms-1\">Tentative<");
	}

	@Test
	void aManualBookingsContactDetailsAreEnteredAndChangedInTheFormAndNeverAudited() throws Exception {
		String property = createProperty("Contact " + System.nanoTime(), "Europe/Lisbon", 4);
		MockHttpSession manager = as("MANAGER");
		mvc.perform(form("/bookings", manager).param("propertyId", property)
			.param("kind", "RESERVATION")
			.param("checkIn", "2027-12-20")
			.param("checkOut", "2027-12-22")
			.param("guestName", "Caio")
			.param("guestEmail", " caio.qqz@example.com ")
			.param("guestPhone", "+55 11 91234 5678")
			.param("_once", onceToken(page(manager, "/bookings/new")))).andExpect(status().is3xxRedirection());
		String booking = jdbc
			.sql("select cast(id as varchar(36)) from bookings where guest_email = 'caio.qqz@example.com'")
			.query(String.class)
			.single();
		assertThat(page(manager, "/bookings/" + booking + "/edit")).contains("value=\"caio.qqz@example.com\"",
				"value=\"+55 11 91234 5678\"");

		String refused = mvc
			.perform(form("/bookings/" + booking, manager).param("propertyId", property)
				.param("kind", "RESERVATION")
				.param("checkIn", "2027-12-20")
				.param("checkOut", "2027-12-22")
				.param("guestEmail", "caio at example"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(refused).contains("must be one e-mail address such as ana@example.com");
		mvc.perform(form("/bookings/" + booking, manager).param("propertyId", property)
			.param("kind", "RESERVATION")
			.param("checkIn", "2027-12-20")
			.param("checkOut", "2027-12-22")
			.param("guestName", "Caio")
			.param("guestEmail", "caio.new.qqz@example.com")
			.param("guestPhone", "+55 11 91234 5678")).andExpect(status().is3xxRedirection());

		assertThat(page(manager, "/bookings/" + booking)).contains("caio.new.qqz@example.com");
		assertThat(jdbc.sql("select details from audit_events where action = 'booking.updated' and target = :t")
			.param("t", "booking:" + booking)
			.query(String.class)
			.single()).contains("guestEmail").doesNotContain("qqz");
		assertThat(count("audit_events where details like '%qqz%'")).isZero();
	}

	private String search(MockHttpSession session, String text) throws Exception {
		return mvc.perform(get("/bookings").param("q", text).session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	@Test
	void aPropertyPageListsItsComingBookingsButNotPastOrCancelledOnes() throws Exception {
		String property = createProperty("Coming " + System.nanoTime(), "Europe/Lisbon", 4);
		LocalDate soon = LocalDate.now().plusDays(20);
		String coming = manual(property, soon.toString(), soon.plusDays(2).toString(), "Ana <b>Lima</b>", 1, null,
				null);
		String past = manual(property, "2020-03-01", "2020-03-04", "Long Gone", 1, null, null);
		String cancelled = manual(property, soon.plusDays(5).toString(), soon.plusDays(6).toString(), "Changed Mind", 1,
				null, null);
		mvc.perform(asAdmin(post("/api/bookings/" + cancelled + "/cancel"))).andExpect(status().isOk());
		MockHttpSession viewer = as("VIEWER");

		assertThat(page(viewer, "/properties/" + property)).contains("hx-get=\"/bookings/property/" + property + "\"");
		String panel = page(viewer, "/bookings/property/" + property);
		assertThat(panel).contains("/bookings/" + coming, soon.toString(), "Ana &lt;b&gt;Lima&lt;/b&gt;")
			.doesNotContain("/bookings/" + past)
			.doesNotContain("/bookings/" + cancelled)
			.doesNotContain("<b>Lima");
	}

	private String manual(String property, String checkIn, String checkOut, String guest, int adults, String amount,
			String currency) throws Exception {
		String body = mvc.perform(json(asAdmin(post("/api/bookings")),
				"{\"propertyId\":\"%s\",\"checkIn\":\"%s\",\"checkOut\":\"%s\",\"guestName\":\"%s\",\"adults\":%d,\"totalAmount\":%s,\"currency\":%s}"
					.formatted(property, checkIn, checkOut, guest, adults, amount,
							currency == null ? null : "\"" + currency + "\"")))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		return JsonPath.read(body, "$.id");
	}

}

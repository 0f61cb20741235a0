package io.staysync.bookings.web;

import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;

import io.staysync.test.ConsoleIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The calendar as a manager reads it (month names, today, a list per property for the
 * phone) and the block of a selected range, by role.
 */
class CalendarPageIntegrationTests extends ConsoleIntegrationTest {

	@Test
	void aMonthShowsItsNameItsNightsAndTheStaysAsAListForThePhone() throws Exception {
		String property = createProperty("Month <b>view</b> " + System.nanoTime(), "Europe/Lisbon", 4);
		createBooking(property, "2027-01-04", "2027-01-07", false);

		String html = page(admin(), "/calendar?month=2027-01&propertyId=" + property);

		assertThat(html).contains(">January 2027<", "colspan=\"31\"", "data-date=\"2027-01-31\"")
			.doesNotContain("data-date=\"2027-02-01\"")
			.contains("id=\"calendar-list\"", "Mon 4 Jan → Thu 7 Jan", "3 nights")
			.contains("Month &lt;b&gt;view&lt;/b&gt;")
			.doesNotContain("Month <b>view</b>");
		assertThat(page(admin(), "/calendar?from=2027-01-25&to=2027-02-05&propertyId=" + property))
			.contains(">January 2027<", ">February 2027<", "colspan=\"7\"", "colspan=\"4\"");
	}

	@Test
	void todayIsMarked() throws Exception {
		createProperty("Today " + System.nanoTime(), "Europe/Lisbon", 4);
		LocalDate today = LocalDate.now(ZoneOffset.UTC);

		String html = page(admin(), "/calendar");

		assertThat(html).contains("aria-current=\"date\"", "data-date=\"" + today + "\"");
	}

	@Test
	void aSelectedRangeBecomesABlockAndTakenNightsAreRefused() throws Exception {
		String property = createProperty("Range " + System.nanoTime(), "Europe/Lisbon", 4);
		createBooking(property, "2027-03-10", "2027-03-12", false);
		MockHttpSession manager = as("MANAGER");
		assertThat(page(manager, "/calendar?month=2027-03&propertyId=" + property))
			.contains("id=\"calendar-selection\"", "id=\"block-selection\"");

		mvc.perform(form("/calendar/block", manager).param("propertyId", property)
			.param("checkIn", "2027-03-02")
			.param("checkOut", "2027-03-05")
			.param("from", "2027-03-01")
			.param("to", "2027-04-01")
			.param("shown", property))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/calendar?from=2027-03-01&to=2027-04-01&propertyId=" + property))
			.andExpect(flash().attribute("flash", "Blocked 3 nights from 2027-03-02 to 2027-03-05."));
		assertThat(count("bookings where property_id = '" + property
				+ "' and kind = 'BLOCK' and check_in = '2027-03-02' and check_out = '2027-03-05'"))
			.isEqualTo(1);

		mvc.perform(form("/calendar/block", manager).param("propertyId", property)
			.param("checkIn", "2027-03-11")
			.param("checkOut", "2027-03-13"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("warning",
					"Nothing was blocked: some of these nights are already taken. Choose free nights only."));
		mvc.perform(form("/calendar/block", manager).param("propertyId", property)
			.param("checkIn", "2027-03-20")
			.param("checkOut", "2027-03-20"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("warning",
					"Nothing was blocked. The departure day must be after the arrival day (the departure day, not the last night)."));
		assertThat(count("bookings where property_id = '" + property + "'")).isEqualTo(2);
	}

	@Test
	void aViewerCannotSelectNorBlock() throws Exception {
		String property = createProperty("Viewer range " + System.nanoTime(), "Europe/Lisbon", 4);
		MockHttpSession viewer = as("VIEWER");

		assertThat(page(viewer, "/calendar?month=2027-03&propertyId=" + property))
			.doesNotContain("id=\"calendar-selection\"", "class=\"free\"");
		mvc.perform(form("/calendar/block", viewer).param("propertyId", property)
			.param("checkIn", "2027-03-02")
			.param("checkOut", "2027-03-05")).andExpect(status().isForbidden());
		assertThat(count("bookings where property_id = '" + property + "'")).isZero();
	}

	@Test
	void aRangeSelectedOnTheCalendarOpensTheBookingFormWithBothDays() throws Exception {
		String property = createProperty("Book range " + System.nanoTime(), "Europe/Lisbon", 4);

		String html = page(admin(), "/bookings/new?propertyId=" + property + "&checkIn=2027-05-01&checkOut=2027-05-04");

		assertThat(html).contains("value=\"2027-05-01\"", "value=\"2027-05-04\"");
	}

}

package io.staysync.bookings.web;

import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;

import io.staysync.test.ConsoleIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A conflict as a manager decides it: both bookings by code and channel, cancel the
 * manual one, or keep both and mark it reviewed with a note; audited; refused to viewers.
 */
class ConflictPagesIntegrationTests extends ConsoleIntegrationTest {

	@Test
	void bothBookingsShowByCodeWithTheirActions() throws Exception {
		String property = createProperty("Clash " + System.nanoTime(), "Europe/Lisbon", 4);
		String first = createBooking(property, "2027-06-01", "2027-06-05", false);
		String second = createBooking(property, "2027-06-03", "2027-06-06", true);

		String html = page(admin(), "/conflicts?propertyId=" + property);

		assertThat(html).contains(code(first), code(second), "Needs a decision", "Cancel this manual booking",
				"Mark reviewed", "/bookings/" + first, "/bookings/" + second, "data-confirm=\"Cancel manual booking");
	}

	@Test
	void cancellingTheManualSideResolvesTheConflict() throws Exception {
		String property = createProperty("Clash cancel " + System.nanoTime(), "Europe/Lisbon", 4);
		createBooking(property, "2027-06-01", "2027-06-05", false);
		String second = createBooking(property, "2027-06-03", "2027-06-06", true);
		String conflict = openConflict(property);
		MockHttpSession manager = as("MANAGER");

		mvc.perform(form("/conflicts/" + conflict + "/cancel", manager).param("bookingId", second))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/conflicts"))
			.andExpect(flash().attribute("flash", "Manual booking " + code(second)
					+ " cancelled; the conflict is resolved and its nights are free again."));

		assertThat(count("booking_conflicts where id = '" + conflict + "' and resolved_at is not null")).isOne();
		assertThat(page(manager, "/conflicts?propertyId=" + property)).contains("id=\"no-conflicts\"");
		assertThat(count("audit_events where action = 'booking.cancelled' and target = 'booking:" + second + "'"))
			.isOne();
	}

	@Test
	void aReviewKeepsBothBookingsWithTheNoteEscapedAndIsAudited() throws Exception {
		String property = createProperty("Clash review " + System.nanoTime(), "Europe/Lisbon", 4);
		createBooking(property, "2027-07-01", "2027-07-05", false);
		createBooking(property, "2027-07-03", "2027-07-06", true);
		String conflict = openConflict(property);
		MockHttpSession manager = as("MANAGER");

		mvc.perform(form("/conflicts/" + conflict + "/review", manager).param("note", "  "))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attributeExists("warning"));
		assertThat(count("booking_conflicts where id = '" + conflict + "' and reviewed_at is not null")).isZero();

		mvc.perform(form("/conflicts/" + conflict + "/review", manager).param("note", "Guest <script>moved</script>"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("flash", "Conflict marked reviewed."));

		String html = page(manager, "/conflicts?propertyId=" + property);
		assertThat(html).contains("Reviewed by", "Guest &lt;script&gt;moved&lt;/script&gt;")
			.doesNotContain("<script>moved")
			.doesNotContain("Mark reviewed</button>");
		assertThat(count("booking_conflicts where id = '" + conflict + "' and resolved_at is null")).isOne();
		assertThat(count("audit_events where action = 'conflict.reviewed' and target = 'conflict:" + conflict + "'"))
			.isOne();
	}

	@Test
	void aViewerSeesNoActionsAndTheServerRefusesThem() throws Exception {
		String property = createProperty("Clash viewer " + System.nanoTime(), "Europe/Lisbon", 4);
		createBooking(property, "2027-08-01", "2027-08-05", false);
		String second = createBooking(property, "2027-08-03", "2027-08-06", true);
		String conflict = openConflict(property);
		MockHttpSession viewer = as("VIEWER");

		assertThat(page(viewer, "/conflicts?propertyId=" + property)).contains(code(second))
			.doesNotContain("Cancel this manual booking", "Mark reviewed");
		mvc.perform(form("/conflicts/" + conflict + "/cancel", viewer).param("bookingId", second))
			.andExpect(status().isForbidden());
		mvc.perform(form("/conflicts/" + conflict + "/review", viewer).param("note", "no"))
			.andExpect(status().isForbidden());
		assertThat(count(
				"booking_conflicts where id = '" + conflict + "' and resolved_at is null and reviewed_at is null"))
			.isOne();
	}

	private String openConflict(String property) {
		return jdbc.sql("select id from booking_conflicts where property_id = :p and resolved_at is null")
			.param("p", UUID.fromString(property))
			.query(String.class)
			.single();
	}

	/** A manual booking's code: the first eight characters of its id. */
	static String code(String bookingId) {
		return bookingId.substring(0, 8).toUpperCase(Locale.ROOT);
	}

}

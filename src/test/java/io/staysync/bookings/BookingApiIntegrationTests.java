package io.staysync.bookings;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.staysync.test.ApiIntegrationTest;

import static io.staysync.security.SecurityTestSupport.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@ExtendWith(OutputCaptureExtension.class)
class BookingApiIntegrationTests extends ApiIntegrationTest {

	String property;

	@BeforeEach
	void property() throws Exception {
		property = createProperty("Sea View", "Europe/Madrid", 4);
	}

	@Test
	void aManualReservationIsStoredAsEnteredAndAudited() throws Exception {
		String id = json("2027-06-10", "2027-06-14", ",\"guestName\":\"Ana Ruiz\",\"adults\":2,\"children\":1,"
				+ "\"totalAmount\":480.50,\"currency\":\"EUR\"", 201);

		mvc.perform(asAdmin(get("/api/bookings/" + id)))
			.andExpect(jsonPath("$.checkIn").value("2027-06-10"))
			.andExpect(jsonPath("$.checkOut").value("2027-06-14"))
			.andExpect(jsonPath("$.nights").value(4))
			.andExpect(jsonPath("$.kind").value("RESERVATION"))
			.andExpect(jsonPath("$.status").value("CONFIRMED"))
			.andExpect(jsonPath("$.source").value("MANUAL"))
			.andExpect(jsonPath("$.totalAmount").value(480.5))
			.andExpect(jsonPath("$.currency").value("EUR"));
		assertThat(jdbc.sql("select count(*) from audit_events where action = 'booking.created' and target = :t")
			.param("t", "booking:" + id)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aManualReservationCarriesTheGuestsContactDetailsWhichNeverReachTheAuditLogNorTheLog(CapturedOutput output)
			throws Exception {
		String id = json("2027-06-20", "2027-06-22",
				",\"guestName\":\"Ana Ruiz\",\"guestEmail\":\" ana.ruiz.zqx@example.com \",\"guestPhone\":\"+34 600 773 100\"",
				201);

		mvc.perform(asAdmin(get("/api/bookings/" + id)))
			.andExpect(jsonPath("$.guestEmail").value("ana.ruiz.zqx@example.com"))
			.andExpect(jsonPath("$.guestPhone").value("+34 600 773 100"));
		mvc.perform(asAdmin(get("/api/bookings?propertyId=" + property)))
			.andExpect(jsonPath("$.content[0].guestEmail").value("ana.ruiz.zqx@example.com"));
		assertThat(jdbc.sql("select count(*) from audit_events where target = :t")
			.param("t", "booking:" + id)
			.query(Long.class)
			.single()).isOne();
		assertThat(count("audit_events where details like '%zqx%' or target like '%zqx%'")).isZero();
		assertThat(output).doesNotContain("zqx", "773 100");
	}

	@Test
	void aManualBookingsContactDetailsMustBeAnAddressAndANumber() throws Exception {
		expect(body("2027-06-24", "2027-06-25", ",\"guestEmail\":\"not an address\""), 400, "guestEmail");
		expect(body("2027-06-24", "2027-06-25", ",\"guestEmail\":\"ana@example.com\\nBcc: x@example.com\""), 400,
				"guestEmail");
		expect(body("2027-06-24", "2027-06-25", ",\"guestEmail\":\"" + "a".repeat(250) + "@example.com\""), 400,
				"guestEmail");
		expect(body("2027-06-24", "2027-06-25", ",\"guestPhone\":\"call me\""), 400, "guestPhone");
		expect(body("2027-06-24", "2027-06-25", ",\"guestPhone\":\"+34 600\\u0007 123\""), 400, "guestPhone");
		mvc.perform(json(asAdmin(post("/api/bookings")), body("2027-06-24", "2027-06-25", ",\"guestEmail\":\"   \"")))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.guestEmail").doesNotExist());
		assertThat(bookingsOfProperty()).isOne();
	}

	@Test
	void roundAmountsAreWrittenAsPlainNumbers() throws Exception {
		String id = json("2027-08-10", "2027-08-13", ",\"totalAmount\":360.00,\"currency\":\"EUR\"", 201);

		String answer = mvc.perform(asAdmin(get("/api/bookings/" + id))).andReturn().getResponse().getContentAsString();

		assertThat(answer).contains("\"totalAmount\":360,").doesNotContain("E+");
	}

	@Test
	void anOverlappingManualBookingIsRefusedNamingTheOtherUnlessForced() throws Exception {
		String first = createBooking(property, "2027-07-01", "2027-07-05", false);

		mvc.perform(json(asAdmin(post("/api/bookings")), body("2027-07-04", "2027-07-06", "")))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString(first)))
			.andExpect(jsonPath("$.conflictingBookingIds[0]").value(first));
		assertThat(bookingsOfProperty()).isEqualTo(1);

		String forced = createBooking(property, "2027-07-04", "2027-07-06", true);
		mvc.perform(asAdmin(get("/api/conflicts?propertyId=" + property)))
			.andExpect(jsonPath("$.totalElements").value(1))
			.andExpect(jsonPath("$.content[0].bookings[*].bookingId", hasItem(first)))
			.andExpect(jsonPath("$.content[0].bookings[*].bookingId", hasItem(forced)));

		mvc.perform(asAdmin(post("/api/bookings/" + forced + "/cancel")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("CANCELLED"));
		mvc.perform(asAdmin(get("/api/conflicts?propertyId=" + property)))
			.andExpect(jsonPath("$.totalElements").value(0));
	}

	@Test
	void sameDayTurnoverAndOneNightStaysDoNotOverlap() throws Exception {
		createBooking(property, "2027-08-01", "2027-08-03", false);
		createBooking(property, "2027-08-03", "2027-08-04", false);
		createBooking(property, "2027-07-31", "2027-08-01", false);

		mvc.perform(json(asAdmin(post("/api/bookings")), body("2027-08-03", "2027-08-04", "")))
			.andExpect(status().isConflict());
		mvc.perform(asAdmin(get("/api/conflicts?propertyId=" + property)))
			.andExpect(jsonPath("$.totalElements").value(0));
	}

	@Test
	void cancelledBookingsNoLongerHoldTheirNights() throws Exception {
		String first = createBooking(property, "2027-09-01", "2027-09-03", false);
		mvc.perform(asAdmin(post("/api/bookings/" + first + "/cancel"))).andExpect(status().isOk());
		mvc.perform(asAdmin(post("/api/bookings/" + first + "/cancel")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("CANCELLED"));

		createBooking(property, "2027-09-01", "2027-09-03", false);
	}

	@Test
	void badInputGetsAClearAnswerAndWritesNothing() throws Exception {
		long before = count("bookings");
		String farAhead = LocalDate.now().plusYears(3).plusDays(10).toString();

		expect(body("2027-06-10", "2027-06-10", ""), 400, "checkOut");
		expect(body("2027-06-10", "2027-06-09", ""), 400, "checkOut");
		expect(body("1999-12-30", "2000-01-02", ""), 400, "checkIn");
		expect(body(LocalDate.now().plusYears(3).toString(), farAhead, ""), 400, "checkOut");
		expect(body("2027-06-10", "2027-06-12", ",\"totalAmount\":-1,\"currency\":\"EUR\""), 400, "totalAmount");
		expect(body("2027-06-10", "2027-06-12", ",\"totalAmount\":10,\"currency\":\"XYZ\""), 400, "currency");
		expect(body("2027-06-10", "2027-06-12", ",\"totalAmount\":10,\"currency\":\"eur\""), 400, "currency");
		expect(body("2027-06-10", "2027-06-12", ",\"totalAmount\":10"), 400, "currency");
		expect(body("2027-06-10", "2027-06-12", ",\"totalAmount\":10.123,\"currency\":\"EUR\""), 400, "totalAmount");
		expect(body("2027-06-10", "2027-06-12", ",\"totalAmount\":10.5,\"currency\":\"JPY\""), 400, "totalAmount");
		expect(body("2027-06-10", "2027-06-12", ",\"adults\":4,\"children\":1"), 422, "adults");
		expect(body("2027-06-10", "2027-06-12", ",\"adults\":-1"), 400, "adults");
		expect(body("2027-06-10", "2027-06-12", ",\"kind\":\"BLOCK\",\"adults\":2"), 400, "kind");
		expect(body("2027-06-10", "2027-06-12", ",\"kind\":\"HOLIDAY\""), 400, "kind");
		expect(body("2027-06-10", "2027-13-12", ""), 400, "checkOut");
		expect("{\"propertyId\":\"00000000-0000-0000-0000-000000000001\",\"checkIn\":\"2027-06-10\",\"checkOut\":\"2027-06-12\"}",
				422, "propertyId");
		expect("{\"checkIn\":\"2027-06-10\",\"checkOut\":\"2027-06-12\"}", 400, "propertyId");

		assertThat(count("bookings")).isEqualTo(before);
	}

	@Test
	void listFiltersByPropertyDatesStatusAndSource() throws Exception {
		String june = createBooking(property, "2027-06-01", "2027-06-03", false);
		String july = createBooking(property, "2027-07-01", "2027-07-03", false);
		mvc.perform(asAdmin(post("/api/bookings/" + july + "/cancel"))).andExpect(status().isOk());

		mvc.perform(asAdmin(get("/api/bookings?propertyId=" + property + "&from=2027-06-02&to=2027-06-03")))
			.andExpect(jsonPath("$.totalElements").value(1))
			.andExpect(jsonPath("$.content[0].id").value(june));
		mvc.perform(asAdmin(get("/api/bookings?propertyId=" + property + "&from=2027-06-03&to=2027-07-01")))
			.andExpect(jsonPath("$.totalElements").value(0));
		mvc.perform(asAdmin(get("/api/bookings?propertyId=" + property + "&status=CANCELLED&source=MANUAL")))
			.andExpect(jsonPath("$.totalElements").value(1))
			.andExpect(jsonPath("$.content[0].id").value(july));
		mvc.perform(asAdmin(get("/api/bookings?propertyId=" + property + "&page=0&size=1")))
			.andExpect(jsonPath("$.content.length()").value(1))
			.andExpect(jsonPath("$.totalElements").value(2))
			.andExpect(jsonPath("$.content[0].id").value(june));
		mvc.perform(asAdmin(get("/api/bookings?status=WHATEVER"))).andExpect(status().isBadRequest());
		mvc.perform(asAdmin(get("/api/bookings?from=June"))).andExpect(status().isBadRequest());
	}

	@Test
	void viewersReadBookingsButCannotCreateOrCancel() throws Exception {
		String email = unique("viewer");
		createUser(email, "Viewer-Passw0rd-1", "VIEWER");
		String id = createBooking(property, "2027-10-01", "2027-10-02", false);

		mvc.perform(get("/api/bookings/" + id).header("Authorization", basic(email, "Viewer-Passw0rd-1")))
			.andExpect(status().isOk());
		mvc.perform(post("/api/bookings/" + id + "/cancel").header("Authorization", basic(email, "Viewer-Passw0rd-1")))
			.andExpect(status().isForbidden());
		mvc.perform(json(post("/api/bookings").header("Authorization", basic(email, "Viewer-Passw0rd-1")),
				body("2027-10-05", "2027-10-06", "")))
			.andExpect(status().isForbidden());
	}

	private String json(String checkIn, String checkOut, String extra, int expectedStatus) throws Exception {
		String response = mvc.perform(json(asAdmin(post("/api/bookings")), body(checkIn, checkOut, extra)))
			.andExpect(status().is(expectedStatus))
			.andReturn()
			.getResponse()
			.getContentAsString();
		return com.jayway.jsonpath.JsonPath.read(response, "$.id");
	}

	private void expect(String body, int expectedStatus, String field) throws Exception {
		mvc.perform(json(asAdmin(post("/api/bookings")), body))
			.andExpect(status().is(expectedStatus))
			.andExpect(jsonPath("$.errors[*].field", hasItem(field)));
	}

	private String body(String checkIn, String checkOut, String extra) {
		return "{\"propertyId\":\"%s\",\"checkIn\":\"%s\",\"checkOut\":\"%s\"%s}".formatted(property, checkIn, checkOut,
				extra);
	}

	private long bookingsOfProperty() {
		return jdbc.sql("select count(*) from bookings where property_id = cast(:p as uuid)")
			.param("p", property)
			.query(Long.class)
			.single();
	}

}

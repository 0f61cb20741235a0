package io.staysync.bookings;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.staysync.test.ApiIntegrationTest;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The calendar in the property's own dates. The build runs the integration tests with the
 * JVM in Pacific/Kiritimati (UTC+14), so any trip of a date through an instant would show
 * as a shifted night here.
 */
class CalendarApiIntegrationTests extends ApiIntegrationTest {

	@Autowired
	BookingImport imports;

	@Test
	void nightsStayOnTheirDatesInTimeZonesFarFromUtc() throws Exception {
		String kiritimati = createProperty("Line Islands Hut", "Pacific/Kiritimati", 2);
		String pagoPago = createProperty("Pago Pago Bungalow", "Pacific/Pago_Pago", 2);
		String newYear = createBooking(kiritimati, "2026-12-31", "2027-01-02", false);
		String sameDates = createBooking(pagoPago, "2026-12-31", "2027-01-02", false);

		for (String[] stay : new String[][] { { kiritimati, newYear }, { pagoPago, sameDates } }) {
			mvc.perform(asAdmin(get("/api/calendar?from=2026-12-30&to=2027-01-03&propertyId=" + stay[0])))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.properties[0].nights.length()").value(4))
				.andExpect(jsonPath("$.properties[0].nights[0].date").value("2026-12-30"))
				.andExpect(jsonPath("$.properties[0].nights[0].state").value("free"))
				.andExpect(jsonPath("$.properties[0].nights[1].date").value("2026-12-31"))
				.andExpect(jsonPath("$.properties[0].nights[1].state").value("booked"))
				.andExpect(jsonPath("$.properties[0].nights[1].bookingId").value(stay[1]))
				.andExpect(jsonPath("$.properties[0].nights[1].source").value("MANUAL"))
				.andExpect(jsonPath("$.properties[0].nights[2].date").value("2027-01-01"))
				.andExpect(jsonPath("$.properties[0].nights[2].state").value("booked"))
				.andExpect(jsonPath("$.properties[0].nights[3].date").value("2027-01-02"))
				.andExpect(jsonPath("$.properties[0].nights[3].state").value("free"));
			mvc.perform(asAdmin(get("/api/bookings/" + stay[1])))
				.andExpect(jsonPath("$.checkIn").value("2026-12-31"))
				.andExpect(jsonPath("$.checkOut").value("2027-01-02"));
		}
	}

	@Test
	void showsBlocksAndConflictsNightByNight() throws Exception {
		String property = createProperty("Busy Cabin", "America/Anchorage", 4);
		UUID integration = UUID.randomUUID();
		LocalDate d = LocalDate.of(2027, 3, 1);
		ImportOutcome airbnb = imports.apply(new ChannelBooking(integration, BookingSource.AIRBNB, "HM1", "L1",
				UUID.fromString(property), BookingKind.RESERVATION, BookingStatus.CONFIRMED, d, d.plusDays(3), "A", 2,
				0, new BigDecimal("1"), "USD", null));
		ImportOutcome vrbo = imports.apply(new ChannelBooking(integration, BookingSource.ICAL, "vrbo-1", "L2",
				UUID.fromString(property), BookingKind.RESERVATION, BookingStatus.CONFIRMED, d.plusDays(2),
				d.plusDays(4), null, null, null, null, null, null));
		imports.apply(new ChannelBooking(integration, BookingSource.BOOKING_COM, "closed-1", "L3",
				UUID.fromString(property), BookingKind.BLOCK, BookingStatus.CONFIRMED, d.plusDays(3), d.plusDays(6),
				null, null, null, null, null, null));

		mvc.perform(asAdmin(get("/api/calendar?from=2027-03-01&to=2027-03-08&propertyId=" + property)))
			.andExpect(jsonPath("$.properties[0].name").value("Busy Cabin"))
			.andExpect(jsonPath("$.properties[0].timeZone").value("America/Anchorage"))
			.andExpect(jsonPath("$.properties[0].nights[1].state").value("booked"))
			.andExpect(jsonPath("$.properties[0].nights[1].source").value("AIRBNB"))
			.andExpect(jsonPath("$.properties[0].nights[2].state").value("conflict"))
			.andExpect(jsonPath("$.properties[0].nights[2].bookingIds",
					containsInAnyOrder(airbnb.bookingId().toString(), vrbo.bookingId().toString())))
			.andExpect(jsonPath("$.properties[0].nights[3].state").value("booked"))
			.andExpect(jsonPath("$.properties[0].nights[3].source").value("ICAL"))
			.andExpect(jsonPath("$.properties[0].nights[4].state").value("blocked"))
			.andExpect(jsonPath("$.properties[0].nights[4].source").value("BOOKING_COM"))
			.andExpect(jsonPath("$.properties[0].nights[6].state").value("free"))
			.andExpect(jsonPath("$.properties[0].nights[6].bookingId").doesNotExist());
	}

	@Test
	void listsEveryPropertyPagedByName() throws Exception {
		createProperty("AAA First Alphabetically", "Europe/Oslo", 2);

		mvc.perform(asAdmin(get("/api/calendar?from=2027-01-01&to=2028-01-01&size=1")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.properties.length()").value(1))
			.andExpect(jsonPath("$.properties[0].nights.length()").value(365))
			.andExpect(jsonPath("$.totalProperties").isNumber());
	}

	@Test
	void badRangesAreRefusedClearly() throws Exception {
		mvc.perform(asAdmin(get("/api/calendar?from=2027-01-05&to=2027-01-05")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("to"));
		mvc.perform(asAdmin(get("/api/calendar?to=2027-01-05")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("from"));
		mvc.perform(asAdmin(get("/api/calendar?from=2027-01-01&to=2029-01-01")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("400 nights")));
		mvc.perform(asAdmin(get("/api/calendar?from=01/05/2027&to=2027-02-01")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("from"));
		mvc.perform(asAdmin(get("/api/calendar?from=2027-01-01&to=2027-02-01&propertyId=" + UUID.randomUUID())))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/calendar?from=2027-01-01&to=2027-02-01")).andExpect(status().isUnauthorized());
	}

}

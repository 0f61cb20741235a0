package io.staysync.bookings;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import com.jayway.jsonpath.JsonPath;

import io.staysync.test.ApiIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Tentative bookings not held ({@code staysync.bookings.hold-tentative=false}): stored
 * and listed, holding nothing until the channel confirms them.
 */
@TestPropertySource(properties = "staysync.bookings.hold-tentative=false")
class TentativeNotHeldIntegrationTests extends ApiIntegrationTest {

	static final LocalDate D = LocalDate.now().plusDays(60);

	@Autowired
	BookingImport imports;

	@Autowired
	BookingExport export;

	final UUID integration = UUID.randomUUID();

	String property;

	@BeforeEach
	void property() throws Exception {
		resetChannels();
		property = createProperty("Requested Flat " + System.nanoTime(), "Europe/Rome", 4);
	}

	@Test
	void aTentativeBookingIsListedButFreeOnTheCalendarInTheExportFeedAndInWhatAPushClosesUntilConfirmed()
			throws Exception {
		UUID tentative = pending("HMFREE1", D, D.plusDays(2));
		String exportPath = exportFeedOfBookingCom();

		mvc.perform(asAdmin(get("/api/calendar?from=%s&to=%s&propertyId=%s".formatted(D, D.plusDays(2), property))))
			.andExpect(jsonPath("$.properties[0].nights[0].state").value("free"))
			.andExpect(jsonPath("$.properties[0].nights[1].state").value("free"));
		assertThat(export.stays(UUID.fromString(property), D.minusDays(1), D.plusDays(5))).isEmpty();
		assertThat(
				mvc.perform(get(exportPath)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
			.doesNotContain(tentative + "@staysync");
		mvc.perform(asAdmin(get("/api/bookings?propertyId=" + property + "&status=tentative")))
			.andExpect(jsonPath("$.totalElements").value(1))
			.andExpect(jsonPath("$.content[0].id").value(tentative.toString()));

		imports.apply(request("HMFREE1", BookingStatus.CONFIRMED, D, D.plusDays(2)));

		assertThat(export.stays(UUID.fromString(property), D.minusDays(1), D.plusDays(5)))
			.extracting(ExportedStay::bookingId)
			.as("confirmed, it holds its nights")
			.containsExactly(tentative);
		assertThat(mvc.perform(get(exportPath)).andReturn().getResponse().getContentAsString())
			.contains(tentative + "@staysync");
	}

	@Test
	void aTentativeBookingUnderAConfirmedOneShowsNothingAndIsNoConflict() throws Exception {
		String manual = createBooking(property, D.toString(), D.plusDays(2).toString(), false);
		pending("HMFREE2", D, D.plusDays(2));

		mvc.perform(asAdmin(get("/api/calendar?from=%s&to=%s&propertyId=%s".formatted(D, D.plusDays(2), property))))
			.andExpect(jsonPath("$.properties[0].nights[0].state").value("booked"))
			.andExpect(jsonPath("$.properties[0].nights[0].bookingId").value(manual))
			.andExpect(jsonPath("$.properties[0].nights[1].state").value("booked"));
		mvc.perform(asAdmin(get("/api/conflicts?propertyId=" + property)))
			.andExpect(jsonPath("$.totalElements").value(0));
	}

	@Test
	void aManualBookingOnATentativeBookingsNightsIsStoredAndClashesOnceTheRequestIsConfirmed() throws Exception {
		pending("HMFREE3", D, D.plusDays(3));

		String manual = createBooking(property, D.plusDays(1).toString(), D.plusDays(2).toString(), false);

		mvc.perform(asAdmin(get("/api/conflicts?propertyId=" + property)))
			.andExpect(jsonPath("$.totalElements").value(0));
		ImportOutcome accepted = imports.apply(request("HMFREE3", BookingStatus.CONFIRMED, D, D.plusDays(3)));
		assertThat(accepted.conflictsDetected()).as("confirmed, the request clashes with " + manual).isOne();
	}

	UUID pending(String key, LocalDate checkIn, LocalDate checkOut) {
		return imports.apply(request(key, BookingStatus.TENTATIVE, checkIn, checkOut)).bookingId();
	}

	ChannelBooking request(String key, BookingStatus status, LocalDate checkIn, LocalDate checkOut) {
		return new ChannelBooking(integration, BookingSource.AIRBNB, key, "L1", UUID.fromString(property),
				BookingKind.RESERVATION, status, checkIn, checkOut, "Requesting Guest", 2, 0, null, null, null);
	}

	/**
	 * Booking.com connected by iCal to the property (inactive: its own feed is never
	 * read), the path of the feed it reads from here.
	 */
	String exportFeedOfBookingCom() throws Exception {
		mvc.perform(json(asAdmin(post("/api/integrations/booking_com/configure")),
				"{\"mode\":\"ical\",\"isActive\":false}"))
			.andExpect(status().isOk());
		mvc.perform(json(asAdmin(put("/api/integrations/booking_com/mappings")),
				"[{\"externalListingId\":\"bdc-room\",\"propertyId\":\"%s\",\"importUrl\":\"http://127.0.0.1:9/never-read.ics\"}]"
					.formatted(property)))
			.andExpect(status().isOk());
		String exportUrl = JsonPath.read(mvc.perform(asAdmin(get("/api/integrations/booking_com/mappings")))
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.content[0].exportUrl");
		return exportUrl.substring(exportUrl.indexOf("/ical/"));
	}

}

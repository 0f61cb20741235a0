package io.staysync.bookings;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.jayway.jsonpath.JsonPath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.staysync.test.ApiIntegrationTest;

/**
 * Tentative bookings held (the default): a channel's request not yet accepted takes its
 * nights wherever availability is computed (the calendar, an export feed, what a push
 * closes) and stands in a manual booking's way, but is never one side of a conflict.
 */
class TentativeHoldIntegrationTests extends ApiIntegrationTest {

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
		property = createProperty("Tentative Flat " + System.nanoTime(), "Europe/Rome", 4);
	}

	@Test
	void aHeldTentativeBookingTakesItsNightsOnTheCalendarInTheExportFeedAndInWhatAPushCloses() throws Exception {
		UUID tentative = pending("HMPEND1", D, D.plusDays(2));
		String exportPath = exportFeedOfBookingCom();

		mvc.perform(asAdmin(get("/api/calendar?from=%s&to=%s&propertyId=%s".formatted(D, D.plusDays(3), property))))
			.andExpect(jsonPath("$.properties[0].nights[0].state").value("tentative"))
			.andExpect(jsonPath("$.properties[0].nights[0].bookingId").value(tentative.toString()))
			.andExpect(jsonPath("$.properties[0].nights[0].source").value("AIRBNB"))
			.andExpect(jsonPath("$.properties[0].nights[1].state").value("tentative"))
			.andExpect(jsonPath("$.properties[0].nights[2].state").value("free"));
		assertThat(export.stays(UUID.fromString(property), D.minusDays(1), D.plusDays(5)))
			.extracting(ExportedStay::bookingId)
			.containsExactly(tentative);
		assertThat(
				mvc.perform(get(exportPath)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
			.contains(tentative + "@staysync");
		assertThat(export.stays(UUID.fromString(property), integration, D.minusDays(1), D.plusDays(5)))
			.as("never back to the channel it came from")
			.isEmpty();
	}

	@Test
	void aConfirmedBookingWinsTheNightAndNoConflictIsRecordedUntilTheRequestIsAccepted() throws Exception {
		String manual = createBooking(property, D.toString(), D.plusDays(1).toString(), false);
		UUID tentative = pending("HMPEND2", D, D.plusDays(2));

		mvc.perform(asAdmin(get("/api/calendar?from=%s&to=%s&propertyId=%s".formatted(D, D.plusDays(2), property))))
			.andExpect(jsonPath("$.properties[0].nights[0].state").value("booked"))
			.andExpect(jsonPath("$.properties[0].nights[0].bookingId").value(manual))
			.andExpect(jsonPath("$.properties[0].nights[1].state").value("tentative"));
		mvc.perform(asAdmin(get("/api/conflicts?propertyId=" + property)))
			.andExpect(jsonPath("$.totalElements").value(0));

		imports.apply(request("HMPEND2", BookingStatus.CONFIRMED, D, D.plusDays(2)));

		mvc.perform(asAdmin(get("/api/calendar?from=%s&to=%s&propertyId=%s".formatted(D, D.plusDays(2), property))))
			.andExpect(jsonPath("$.properties[0].nights[0].state").value("conflict"))
			.andExpect(jsonPath("$.properties[0].nights[1].state").value("booked"))
			.andExpect(jsonPath("$.properties[0].nights[1].bookingId").value(tentative.toString()));
		mvc.perform(asAdmin(get("/api/conflicts?propertyId=" + property)))
			.andExpect(jsonPath("$.totalElements").value(1));
	}

	@Test
	void aManualBookingOnAHeldTentativeBookingsNightsIsRefusedUnlessForcedAndThenRecordsNoConflict() throws Exception {
		UUID tentative = pending("HMPEND3", D, D.plusDays(3));

		mvc.perform(json(asAdmin(post("/api/bookings")),
				"{\"propertyId\":\"%s\",\"checkIn\":\"%s\",\"checkOut\":\"%s\",\"guestName\":\"Walk-in\"}"
					.formatted(property, D.plusDays(2), D.plusDays(4))))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.conflictingBookingIds[0]").value(tentative.toString()))
			.andExpect(jsonPath("$.detail").value(containsString("tentative booking " + tentative)))
			.andExpect(jsonPath("$.detail").value(containsString("if the channel confirms the request")));
		mvc.perform(json(asAdmin(post("/api/bookings")),
				"{\"propertyId\":\"%s\",\"kind\":\"BLOCK\",\"checkIn\":\"%s\",\"checkOut\":\"%s\"}".formatted(property,
						D.minusDays(1), D.plusDays(1))))
			.andExpect(status().isConflict());
		mvc.perform(
				json(asAdmin(post("/api/bookings")), "{\"propertyId\":\"%s\",\"checkIn\":\"%s\",\"checkOut\":\"%s\"}"
					.formatted(property, D.plusDays(3), D.plusDays(4))))
			.andExpect(status().isCreated());

		String forced = createBooking(property, D.plusDays(2).toString(), D.plusDays(3).toString(), true);
		mvc.perform(asAdmin(get("/api/conflicts?propertyId=" + property)))
			.andExpect(jsonPath("$.totalElements").value(0));

		ImportOutcome accepted = imports.apply(request("HMPEND3", BookingStatus.CONFIRMED, D, D.plusDays(3)));
		assertThat(accepted.conflictsDetected()).isOne();
		String conflicts = mvc.perform(asAdmin(get("/api/conflicts?propertyId=" + property)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(JsonPath.<java.util.List<String>>read(conflicts, "$.content[0].bookings[*].bookingId"))
			.containsExactlyInAnyOrder(tentative.toString(), forced);
	}

	@Test
	void bookingsAreFilteredByStatusTentativeInAnyCase() throws Exception {
		UUID tentative = pending("HMPEND4", D.plusDays(10), D.plusDays(12));
		imports.apply(request("HMCONF4", BookingStatus.CONFIRMED, D.plusDays(20), D.plusDays(22)));

		for (String status : new String[] { "tentative", "TENTATIVE" }) {
			mvc.perform(asAdmin(get("/api/bookings?propertyId=" + property + "&status=" + status)))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.totalElements").value(1))
				.andExpect(jsonPath("$.content[0].id").value(tentative.toString()))
				.andExpect(jsonPath("$.content[0].status").value("TENTATIVE"));
		}
		mvc.perform(asAdmin(get("/api/bookings?propertyId=" + property + "&status=confirmed")))
			.andExpect(jsonPath("$.totalElements").value(1))
			.andExpect(jsonPath("$.content[*].status", everyItem(is("CONFIRMED"))));
		mvc.perform(asAdmin(get("/api/bookings?status=maybe"))).andExpect(status().isBadRequest());
	}

	UUID pending(String key, LocalDate checkIn, LocalDate checkOut) {
		return imports.apply(request(key, BookingStatus.TENTATIVE, checkIn, checkOut)).bookingId();
	}

	ChannelBooking request(String key, BookingStatus status, LocalDate checkIn, LocalDate checkOut) {
		return new ChannelBooking(integration, BookingSource.AIRBNB, key, "L1", UUID.fromString(property),
				BookingKind.RESERVATION, status, checkIn, checkOut, "Requesting Guest", 2, 0, new BigDecimal("300"),
				"EUR", null, null, "guest." + key.toLowerCase() + "@guest.airbnb.com", "+39 06 1234 5678");
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

package io.staysync.bookings.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.staysync.bookings.internal.CalendarQuery;
import io.staysync.bookings.internal.NightGrid;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Per property and per night in {@code [from, to)}: free, booked, tentative, blocked or
 * conflict. Properties are paged (by name); {@code propertyId} narrows to one.
 */
@RestController
@RequestMapping("/api/calendar")
class CalendarController {

	private final CalendarQuery calendar;

	CalendarController(CalendarQuery calendar) {
		this.calendar = calendar;
	}

	@Operation(summary = "The nights of each property in a range: free, booked, tentative, blocked or in conflict",
			description = "A tentative night is held by a channel's request not yet accepted (shown only while"
					+ " staysync.bookings.hold-tentative is on); it is taken, but never part of a conflict")
	@ApiResponse(responseCode = "200", description = "OK")
	@ApiResponse(responseCode = "400", description = "Invalid input; the problem names each field")
	@ApiResponse(responseCode = "401", description = "Not signed in: no valid API token or password")
	@ApiResponse(responseCode = "404", description = "No property with this id")
	@GetMapping
	CalendarView get(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) UUID propertyId, @RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
		Page<NightGrid> grids = calendar.calendar(from, to, propertyId, PageRequest.of(page, size));
		return new CalendarView(from, to, grids.getNumber(), grids.getSize(), grids.getTotalElements(),
				grids.getContent().stream().map(PropertyCalendar::of).toList());
	}

	record CalendarView(LocalDate from, LocalDate to, int page, int size, long totalProperties,
			List<PropertyCalendar> properties) {
	}

	record PropertyCalendar(UUID propertyId, String name, String timeZone, List<NightGrid.Night> nights) {

		static PropertyCalendar of(NightGrid grid) {
			return new PropertyCalendar(grid.property().id(), grid.property().name(),
					grid.property().timeZone().getId(), grid.nights());
		}

	}

}

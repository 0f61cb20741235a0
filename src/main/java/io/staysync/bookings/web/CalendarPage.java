package io.staysync.bookings.web;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.staysync.bookings.internal.CalendarQuery;
import io.staysync.bookings.internal.NightGrid;
import io.staysync.common.InvalidInputException;
import io.staysync.web.ConsoleController;

/**
 * The timeline: properties as rows, nights as columns, for a chosen range (two weeks to a
 * quarter). Built from the same query as the calendar API: one for the properties of the
 * page, one streamed for their bookings.
 */
@ConsoleController
class CalendarPage {

	static final int DEFAULT_NIGHTS = 30;

	static final int MAX_NIGHTS = 92;

	private final CalendarQuery calendar;

	private final PropertyNames properties;

	private final Clock clock;

	CalendarPage(CalendarQuery calendar, PropertyNames properties, Clock clock) {
		this.calendar = calendar;
		this.properties = properties;
		this.clock = clock;
	}

	@GetMapping("/calendar")
	String calendar(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) UUID propertyId, @RequestParam(defaultValue = "0") int page, Model model) {
		LocalDate start = from != null ? from : LocalDate.now(clock);
		LocalDate end = to != null ? to : start.plusDays(DEFAULT_NIGHTS);
		if (!end.isAfter(start) || end.isAfter(start.plusDays(MAX_NIGHTS))) {
			model.addAttribute("rangeProblem", "Choose an end after the start and at most " + MAX_NIGHTS
					+ " nights later; showing " + DEFAULT_NIGHTS + " nights from the start instead.");
			end = start.plusDays(DEFAULT_NIGHTS);
		}
		LocalDate until = end;
		try {
			Page<NightGrid> grids = calendar.calendar(start, until, propertyId, PageRequest.of(Math.max(page, 0), 50));
			model.addAttribute("grids", grids);
		}
		catch (InvalidInputException e) {
			model.addAttribute("rangeProblem", e.getMessage());
			model.addAttribute("grids", Page.empty());
		}
		List<LocalDate> nights = Stream.iterate(start, d -> d.isBefore(until), d -> d.plusDays(1)).toList();
		model.addAttribute("from", start);
		model.addAttribute("to", until);
		model.addAttribute("nights", nights);
		model.addAttribute("weekends",
				nights.stream()
					.filter(d -> d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY)
					.toList());
		model.addAttribute("propertyId", propertyId);
		model.addAttribute("query",
				"from=" + start + "&to=" + until + (propertyId == null ? "" : "&propertyId=" + propertyId));
		model.addAttribute("choices", properties.choices());
		model.addAttribute("previous", start.minusDays(DEFAULT_NIGHTS / 2));
		model.addAttribute("next", start.plusDays(DEFAULT_NIGHTS / 2));
		model.addAttribute("span", ChronoUnit.DAYS.between(start, until));
		return "bookings/calendar";
	}

}

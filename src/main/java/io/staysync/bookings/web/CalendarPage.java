package io.staysync.bookings.web;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import io.staysync.bookings.BookingKind;
import io.staysync.bookings.OverlapRefused;
import io.staysync.bookings.internal.BookingManagement;
import io.staysync.bookings.internal.CalendarQuery;
import io.staysync.bookings.internal.ManualBooking;
import io.staysync.bookings.internal.NightGrid;
import io.staysync.bookings.web.NightRuns.NightRun;
import io.staysync.common.InvalidInputException;
import io.staysync.web.ConsoleController;

/**
 * The timeline: properties as rows, nights as columns, for a chosen range (two weeks to a
 * quarter) or a whole month. Built from the same query as the calendar API: one for the
 * properties of the page, one streamed for their bookings. On a phone the same nights
 * read as a list of stays per property. A range of free nights selected on a row is
 * blocked here, or opened as a new booking.
 */
@ConsoleController
class CalendarPage {

	static final int DEFAULT_NIGHTS = 30;

	static final int MAX_NIGHTS = 92;

	private final CalendarQuery calendar;

	private final PropertyNames properties;

	private final BookingManagement bookings;

	private final Clock clock;

	CalendarPage(CalendarQuery calendar, PropertyNames properties, BookingManagement bookings, Clock clock) {
		this.calendar = calendar;
		this.properties = properties;
		this.bookings = bookings;
		this.clock = clock;
	}

	@GetMapping("/calendar")
	String calendar(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) YearMonth month, @RequestParam(required = false) UUID propertyId,
			@RequestParam(defaultValue = "0") int page, Model model) {
		LocalDate today = LocalDate.now(clock);
		if (month != null) {
			from = month.atDay(1);
			to = month.plusMonths(1).atDay(1);
		}
		LocalDate start = from != null ? from : today;
		LocalDate end = to != null ? to : start.plusDays(DEFAULT_NIGHTS);
		if (!end.isAfter(start) || end.isAfter(start.plusDays(MAX_NIGHTS))) {
			model.addAttribute("rangeProblem", "Choose an end after the start and at most " + MAX_NIGHTS
					+ " nights later; showing " + DEFAULT_NIGHTS + " nights from the start instead.");
			end = start.plusDays(DEFAULT_NIGHTS);
		}
		LocalDate until = end;
		Page<NightGrid> grids;
		try {
			grids = calendar.calendar(start, until, propertyId, PageRequest.of(Math.max(page, 0), 50));
		}
		catch (InvalidInputException e) {
			model.addAttribute("rangeProblem", e.getMessage());
			grids = Page.empty();
		}
		Map<UUID, List<NightRun>> runs = new LinkedHashMap<>();
		grids.forEach(grid -> runs.put(grid.property().id(), NightRuns.of(grid.nights())));
		model.addAttribute("grids", grids);
		model.addAttribute("runs", runs);
		List<LocalDate> nights = Stream.iterate(start, d -> d.isBefore(until), d -> d.plusDays(1)).toList();
		model.addAttribute("today", today);
		model.addAttribute("months", CalendarMonths.of(nights));
		YearMonth shown = YearMonth.from(start);
		model.addAttribute("month", shown);
		model.addAttribute("previousMonth", shown.minusMonths(1));
		model.addAttribute("nextMonth", shown.plusMonths(1));
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

	/**
	 * Blocks the nights selected on a property's row. The same overlap rule as every
	 * manual booking: nights already taken are refused, and the calendar says by what.
	 */
	@PostMapping("/calendar/block")
	@PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
	String block(@RequestParam UUID propertyId,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate checkIn,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate checkOut,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) UUID shown, RedirectAttributes redirect) {
		try {
			bookings.create(new ManualBooking(propertyId, BookingKind.BLOCK, checkIn, checkOut, null, null, null, null,
					null, null), false);
			long nights = ChronoUnit.DAYS.between(checkIn, checkOut);
			redirect.addFlashAttribute("flash", "Blocked " + nights + (nights == 1 ? " night" : " nights") + " from "
					+ checkIn + " to " + checkOut + ".");
		}
		catch (OverlapRefused refused) {
			redirect.addFlashAttribute("warning",
					"Nothing was blocked: some of these nights are already taken. Choose free nights only.");
		}
		catch (InvalidInputException e) {
			redirect.addFlashAttribute("warning", "Nothing was blocked. " + BookingWords.sentences(e));
		}
		return "redirect:" + UriComponentsBuilder.fromPath("/calendar")
			.queryParam("from", from != null ? from : checkIn)
			.queryParamIfPresent("to", Optional.ofNullable(to))
			.queryParamIfPresent("propertyId", Optional.ofNullable(shown))
			.build()
			.toUriString();
	}

}

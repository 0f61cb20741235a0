package io.staysync.bookings.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import io.staysync.bookings.BookingKind;
import io.staysync.bookings.BookingSource;
import io.staysync.bookings.BookingStatus;
import io.staysync.bookings.OverlapRefused;
import io.staysync.bookings.internal.Booking;
import io.staysync.bookings.internal.BookingFilter;
import io.staysync.bookings.internal.BookingManagement;
import io.staysync.common.ConflictException;
import io.staysync.common.InvalidInputException;
import io.staysync.web.ConsoleController;
import io.staysync.web.FormProblems;
import io.staysync.web.Htmx;
import io.staysync.web.OnceOnlySubmissions;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Console pages of bookings: a filtered list searchable by guest or code, a manual
 * booking or block, one booking, its edit (manual ones), cancel.
 */
@ConsoleController
@RequestMapping("/bookings")
class BookingPages {

	private static final String WRITERS = "hasAnyRole('ADMIN', 'MANAGER')";

	private static final int UPCOMING = 20;

	private final BookingManagement bookings;

	private final PropertyNames properties;

	private final OnceOnlySubmissions submissions;

	private final Clock clock;

	BookingPages(BookingManagement bookings, PropertyNames properties, OnceOnlySubmissions submissions, Clock clock) {
		this.bookings = bookings;
		this.properties = properties;
		this.submissions = submissions;
		this.clock = clock;
	}

	@GetMapping
	String list(@RequestParam(required = false) UUID propertyId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) BookingStatus status, @RequestParam(required = false) BookingSource source,
			@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
		String text = q == null || q.isBlank() ? null : q.trim();
		BookingFilter filter = new BookingFilter(propertyId, from, to, status, source, null, text);
		Page<Booking> found = bookings.find(filter, PageRequest.of(Math.max(page, 0), 50));
		Set<UUID> ids = found.getContent().stream().map(Booking::propertyId).collect(Collectors.toSet());
		model.addAttribute("page", found);
		model.addAttribute("names", properties.of(ids));
		model.addAttribute("filter", filter);
		model.addAttribute("choices", properties.choices());
		model.addAttribute("statuses", BookingStatus.values());
		model.addAttribute("sources", BookingSource.values());
		model.addAttribute("query",
				UriComponentsBuilder.newInstance()
					.queryParamIfPresent("propertyId", Optional.ofNullable(propertyId))
					.queryParamIfPresent("from", Optional.ofNullable(from))
					.queryParamIfPresent("to", Optional.ofNullable(to))
					.queryParamIfPresent("status", Optional.ofNullable(status))
					.queryParamIfPresent("source", Optional.ofNullable(source))
					.queryParamIfPresent("q", Optional.ofNullable(text))
					.encode()
					.build()
					.getQuery());
		return "bookings/list";
	}

	/**
	 * The property page's list of what is coming: confirmed and tentative stays and
	 * blocks that have not ended yet, soonest first (a fragment the properties module's
	 * page loads with htmx).
	 */
	@GetMapping("/property/{propertyId}")
	String upcoming(@PathVariable UUID propertyId, Model model) {
		LocalDate today = LocalDate.now(clock);
		model.addAttribute("page", bookings.upcoming(propertyId, today, PageRequest.of(0, UPCOMING)));
		model.addAttribute("propertyId", propertyId);
		model.addAttribute("today", today);
		return "bookings/upcoming :: upcoming";
	}

	@GetMapping("/new")
	@PreAuthorize(WRITERS)
	String newForm(@RequestParam(required = false) UUID propertyId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate checkIn,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate checkOut,
			@RequestParam(required = false) BookingKind kind, Model model) {
		BookingForm form = new BookingForm();
		form.setPropertyId(propertyId);
		form.setCheckIn(checkIn);
		// Nights selected on the calendar arrive with their departure day.
		form.setCheckOut(checkOut != null ? checkOut : checkIn == null ? null : checkIn.plusDays(1));
		form.setKind(kind == null ? BookingKind.RESERVATION : kind);
		if (propertyId != null) {
			form.setCurrency(bookings.lastCurrency(propertyId).orElse(null));
		}
		model.addAttribute("form", form);
		return form(model, false);
	}

	@PostMapping
	@PreAuthorize(WRITERS)
	String create(@Validated @ModelAttribute("form") BookingForm form, BindingResult result, Model model,
			HttpServletRequest request, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return form(model, false);
		}
		Optional<String> refusal = submissions.refusal(request, result, redirect, "/bookings",
				() -> form(model, false));
		if (refusal.isPresent()) {
			return refusal.get();
		}
		if (form.getTotalAmount() != null && (form.getCurrency() == null || form.getCurrency().isBlank())) {
			// An amount without a currency is in the currency this property's bookings
			// use.
			form.setCurrency(bookings.lastCurrency(form.getPropertyId()).orElse(null));
		}
		try {
			Booking created = bookings.create(form.toManualBooking(), form.isForce());
			redirect.addFlashAttribute("flash", (created.kind() == BookingKind.BLOCK ? "Block" : "Reservation")
					+ " saved: " + created.checkIn() + " to " + created.checkOut() + ".");
			return "redirect:/bookings/" + created.id();
		}
		catch (OverlapRefused refused) {
			// The refusal's own message speaks to API clients; the form points at its
			// checkbox.
			result.reject("overlap", "These nights are already taken by:");
			model.addAttribute("overlapping", refused.overlapping());
			return form(model, true);
		}
		catch (InvalidInputException e) {
			FormProblems.report(BookingWords.translated(e), result);
			return form(model, false);
		}
	}

	@GetMapping("/{id}/edit")
	@PreAuthorize(WRITERS)
	String editForm(@PathVariable UUID id, Model model, RedirectAttributes redirect) {
		Booking booking = bookings.get(id);
		if (booking.source() != BookingSource.MANUAL || booking.status() != BookingStatus.CONFIRMED) {
			redirect.addFlashAttribute("warning", "Only a confirmed manual booking can be changed here.");
			return "redirect:/bookings/" + id;
		}
		model.addAttribute("form", BookingForm.of(booking));
		return editing(model, booking, false);
	}

	@PostMapping("/{id}")
	@PreAuthorize(WRITERS)
	String edit(@PathVariable UUID id, @Validated @ModelAttribute("form") BookingForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		Booking booking = bookings.get(id);
		if (result.hasErrors()) {
			return editing(model, booking, false);
		}
		try {
			Booking edited = bookings.edit(id, form.toManualBooking(), form.isForce());
			redirect.addFlashAttribute("flash",
					"Changes saved: " + edited.checkIn() + " to " + edited.checkOut() + ".");
			return "redirect:/bookings/" + id;
		}
		catch (OverlapRefused refused) {
			result.reject("overlap", "These nights are already taken by:");
			model.addAttribute("overlapping", refused.overlapping());
			return editing(model, booking, true);
		}
		catch (InvalidInputException e) {
			FormProblems.report(BookingWords.translated(e), result);
			return editing(model, booking, false);
		}
		catch (ConflictException e) {
			redirect.addFlashAttribute("warning", e.getMessage());
			return "redirect:/bookings/" + id;
		}
	}

	@GetMapping("/{id}")
	String detail(@PathVariable UUID id, Model model, HttpServletRequest request) {
		Booking booking = bookings.get(id);
		model.addAttribute("booking", booking);
		model.addAttribute("nights", ChronoUnit.DAYS.between(booking.checkIn(), booking.checkOut()));
		model.addAttribute("property", properties.byId(Set.of(booking.propertyId())).get(booking.propertyId()));
		model.addAttribute("tentativeHolds", bookings.tentativeHoldsNights());
		return Htmx.isHtmx(request) ? "bookings/detail :: summary" : "bookings/detail";
	}

	@PostMapping("/{id}/cancel")
	@PreAuthorize(WRITERS)
	String cancel(@PathVariable UUID id, RedirectAttributes redirect) {
		try {
			bookings.cancel(id);
			redirect.addFlashAttribute("flash",
					"Booking cancelled; its nights reopen when each channel next reads its feed.");
		}
		catch (ConflictException e) {
			redirect.addFlashAttribute("warning", e.getMessage());
		}
		return "redirect:/bookings/" + id;
	}

	private String editing(Model model, Booking booking, boolean overlap) {
		model.addAttribute("editing", booking);
		model.addAttribute("property", properties.byId(Set.of(booking.propertyId())).get(booking.propertyId()));
		return form(model, overlap);
	}

	private String form(Model model, boolean overlap) {
		model.addAttribute("pageTitle", model.containsAttribute("editing") ? "Change booking" : "New booking");
		model.addAttribute("choices", properties.choices());
		model.addAttribute("overlap", overlap);
		return "bookings/form";
	}

}

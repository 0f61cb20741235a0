package io.staysync.bookings.web;

import java.security.Principal;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.staysync.bookings.internal.BookingManagement;
import io.staysync.bookings.internal.ConflictListing;
import io.staysync.bookings.internal.ConflictListing.OpenConflict;
import io.staysync.common.ConflictException;
import io.staysync.web.ConsoleController;

/**
 * Open conflicts: the page with what can be done about each (cancel the manual side, open
 * either booking, mark it reviewed with a note), and the dashboard's panel.
 */
@ConsoleController
class ConflictPages {

	private static final String WRITERS = "hasAnyRole('ADMIN', 'MANAGER')";

	static final int NOTE_LENGTH = 2000;

	private final ConflictListing conflicts;

	private final BookingManagement bookings;

	private final PropertyNames properties;

	ConflictPages(ConflictListing conflicts, BookingManagement bookings, PropertyNames properties) {
		this.conflicts = conflicts;
		this.bookings = bookings;
		this.properties = properties;
	}

	@GetMapping("/conflicts")
	String list(@RequestParam(required = false) UUID propertyId, @RequestParam(defaultValue = "0") int page,
			Model model) {
		show(conflicts.open(propertyId, PageRequest.of(Math.max(page, 0), 50)), model);
		model.addAttribute("propertyId", propertyId);
		model.addAttribute("query", propertyId == null ? null : "propertyId=" + propertyId);
		return "bookings/conflicts";
	}

	/** The dashboard's panel: how many, and the first few. */
	@GetMapping("/conflicts/attention")
	String attention(Model model) {
		show(conflicts.open(null, PageRequest.of(0, 5)), model);
		return "bookings/conflicts :: attention";
	}

	/**
	 * Cancels the manual booking of a conflict, which resolves it. Only a manual one: a
	 * channel's booking is cancelled on its channel ({@link BookingManagement#cancel}).
	 */
	@PostMapping("/conflicts/{id}/cancel")
	@PreAuthorize(WRITERS)
	String cancelManual(@PathVariable UUID id, @RequestParam UUID bookingId, RedirectAttributes redirect) {
		try {
			bookings.cancel(bookingId);
			redirect.addFlashAttribute("flash", "Manual booking " + bookings.get(bookingId).code()
					+ " cancelled; the conflict is resolved and its nights are free again.");
		}
		catch (ConflictException e) {
			redirect.addFlashAttribute("warning", e.getMessage());
		}
		return "redirect:/conflicts";
	}

	@PostMapping("/conflicts/{id}/review")
	@PreAuthorize(WRITERS)
	String review(@PathVariable UUID id, @RequestParam(defaultValue = "") String note, Principal user,
			RedirectAttributes redirect) {
		String trimmed = note.trim();
		if (trimmed.isEmpty() || trimmed.length() > NOTE_LENGTH) {
			redirect.addFlashAttribute("warning", "Write a note of at most " + NOTE_LENGTH
					+ " characters saying why both bookings stay (for example: guest moved to another unit).");
			return "redirect:/conflicts";
		}
		try {
			conflicts.review(id, user.getName(), trimmed);
			redirect.addFlashAttribute("flash", "Conflict marked reviewed.");
		}
		catch (ConflictException e) {
			redirect.addFlashAttribute("warning", e.getMessage());
		}
		return "redirect:/conflicts";
	}

	private void show(Page<OpenConflict> open, Model model) {
		Set<UUID> ids = open.getContent().stream().map(OpenConflict::propertyId).collect(Collectors.toSet());
		model.addAttribute("page", open);
		model.addAttribute("names", properties.of(ids));
	}

}

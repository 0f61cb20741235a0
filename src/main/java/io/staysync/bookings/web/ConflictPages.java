package io.staysync.bookings.web;

import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.staysync.bookings.internal.ConflictListing;
import io.staysync.bookings.internal.ConflictListing.OpenConflict;
import io.staysync.web.ConsoleController;

/** Open conflicts: the page, and the dashboard's panel. */
@ConsoleController
class ConflictPages {

	private final ConflictListing conflicts;

	private final PropertyNames properties;

	ConflictPages(ConflictListing conflicts, PropertyNames properties) {
		this.conflicts = conflicts;
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

	private void show(Page<OpenConflict> open, Model model) {
		Set<UUID> ids = open.getContent().stream().map(OpenConflict::propertyId).collect(Collectors.toSet());
		model.addAttribute("page", open);
		model.addAttribute("names", properties.of(ids));
	}

}

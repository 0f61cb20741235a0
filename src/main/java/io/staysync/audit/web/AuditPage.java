package io.staysync.audit.web;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import io.staysync.audit.AuditEvent;
import io.staysync.audit.AuditTargetNames;
import io.staysync.audit.internal.AuditFilter;
import io.staysync.audit.internal.AuditQuery;
import io.staysync.web.ConsoleController;

/**
 * The audit log, newest first, filtered by action and actor (lists of those recorded) and
 * days; ADMIN only, as in the API. Targets show by name where they still exist. Sign-ins
 * are left out unless asked for, and the page says how many.
 */
@ConsoleController
class AuditPage {

	static final int ACTORS = 200;

	private final AuditQuery audit;

	private final List<AuditTargetNames> names;

	AuditPage(AuditQuery audit, List<AuditTargetNames> names) {
		this.audit = audit;
		this.names = names;
	}

	@GetMapping("/audit")
	@PreAuthorize("hasRole('ADMIN')")
	String audit(@RequestParam(required = false) String action, @RequestParam(required = false) String actor,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "false") boolean signIns, @RequestParam(defaultValue = "0") int page,
			Model model) {
		AuditFilter filter = new AuditFilter(blankToNull(action), blankToNull(actor), from, to, signIns);
		Page<AuditEvent> events = audit.find(filter, PageRequest.of(Math.max(page, 0), 50));
		model.addAttribute("page", events);
		model.addAttribute("targetNames", targetNames(events));
		model.addAttribute("filter", filter);
		model.addAttribute("actions", audit.actions(filter));
		model.addAttribute("actors", audit.actors(ACTORS));
		Map<String, Long> hidden = audit.signInsLeftOut(filter);
		model.addAttribute("signInsLeftOut", hidden);
		model.addAttribute("signInsHidden", hidden.values().stream().mapToLong(Long::longValue).sum());
		model.addAttribute("query",
				UriComponentsBuilder.newInstance()
					.queryParamIfPresent("action", Optional.ofNullable(filter.action()))
					.queryParamIfPresent("actor", Optional.ofNullable(filter.actor()))
					.queryParamIfPresent("from", Optional.ofNullable(from))
					.queryParamIfPresent("to", Optional.ofNullable(to))
					.queryParamIfPresent("signIns", Optional.of(signIns).filter(Boolean::booleanValue))
					.encode()
					.build()
					.getQuery());
		return "audit/list";
	}

	private Map<String, String> targetNames(Page<AuditEvent> events) {
		List<String> targets = events.getContent()
			.stream()
			.map(AuditEvent::target)
			.filter(target -> target != null)
			.distinct()
			.toList();
		Map<String, String> found = new HashMap<>();
		if (!targets.isEmpty()) {
			names.forEach(module -> found.putAll(module.namesOf(targets)));
		}
		return found;
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

}

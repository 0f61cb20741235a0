package io.staysync.audit.web;

import java.util.Optional;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import io.staysync.audit.internal.AuditQuery;
import io.staysync.web.ConsoleController;

/**
 * The audit log, newest first, filtered by action or actor; ADMIN only, as in the API.
 */
@ConsoleController
class AuditPage {

	private final AuditQuery audit;

	AuditPage(AuditQuery audit) {
		this.audit = audit;
	}

	@GetMapping("/audit")
	@PreAuthorize("hasRole('ADMIN')")
	String audit(@RequestParam(required = false) String action, @RequestParam(required = false) String actor,
			@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("page", audit.find(action, actor, PageRequest.of(Math.max(page, 0), 50)));
		model.addAttribute("action", action);
		model.addAttribute("actor", actor);
		model.addAttribute("query",
				UriComponentsBuilder.newInstance()
					.queryParamIfPresent("action", Optional.ofNullable(action).filter(a -> !a.isBlank()))
					.queryParamIfPresent("actor", Optional.ofNullable(actor).filter(a -> !a.isBlank()))
					.encode()
					.build()
					.getQuery());
		return "audit/list";
	}

}

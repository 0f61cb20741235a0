package io.staysync.audit.rest;

import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.staysync.audit.AuditEvent;
import io.staysync.audit.internal.AuditQuery;
import io.staysync.common.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** The audit trail, newest first. */
@RestController
@RequestMapping("/api/audit")
@PreAuthorize("hasRole('ADMIN')")
class AuditController {

	private final AuditQuery audit;

	AuditController(AuditQuery audit) {
		this.audit = audit;
	}

	@Operation(summary = "The audit log, newest first, filtered by action or actor")
	@ApiResponse(responseCode = "200", description = "OK")
	@ApiResponse(responseCode = "400", description = "Invalid input; the problem names each field")
	@ApiResponse(responseCode = "401", description = "Not signed in: no valid API token or password")
	@ApiResponse(responseCode = "403", description = "Signed in without the role: ADMIN")
	@GetMapping
	PageResponse<AuditEvent> list(@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int size,
			@RequestParam(required = false) String action, @RequestParam(required = false) String actor) {
		return PageResponse.of(audit.find(action, actor, PageRequest.of(page, size)), event -> event);
	}

}

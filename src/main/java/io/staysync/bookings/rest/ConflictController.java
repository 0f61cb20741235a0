package io.staysync.bookings.rest;

import java.util.UUID;

import org.springframework.data.domain.PageRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.staysync.bookings.internal.ConflictListing;
import io.staysync.common.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** Open conflicts (double bookings), newest first. */
@RestController
@RequestMapping("/api/conflicts")
class ConflictController {

	private final ConflictListing conflicts;

	ConflictController(ConflictListing conflicts) {
		this.conflicts = conflicts;
	}

	@Operation(summary = "The open conflicts (double bookings), newest first")
	@ApiResponse(responseCode = "200", description = "OK")
	@ApiResponse(responseCode = "400", description = "Invalid input; the problem names each field")
	@ApiResponse(responseCode = "401", description = "Not signed in: no valid API token or password")
	@GetMapping
	PageResponse<ConflictListing.OpenConflict> list(@RequestParam(required = false) UUID propertyId,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
		return PageResponse.of(conflicts.open(propertyId, PageRequest.of(page, size)), conflict -> conflict);
	}

}

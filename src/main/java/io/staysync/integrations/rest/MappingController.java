package io.staysync.integrations.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.staysync.channels.ChannelType;
import io.staysync.integrations.internal.ListingMapping;
import io.staysync.integrations.internal.MappingManagement;
import io.staysync.integrations.internal.MappingManagement.MappingRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Listing mappings of an integration. PUT replaces the whole set: listings left out are
 * unmapped; an import URL left out is kept.
 */
@RestController
@RequestMapping("/api/integrations/{type}/mappings")
class MappingController {

	private final MappingManagement mappings;

	MappingController(MappingManagement mappings) {
		this.mappings = mappings;
	}

	@Operation(summary = "The listings of a channel mapped to properties, with their export links")
	@ApiResponse(responseCode = "200", description = "OK")
	@ApiResponse(responseCode = "401", description = "Not signed in: no valid API token or password")
	@ApiResponse(responseCode = "404", description = "No channel of this type")
	@GetMapping
	List<MappingView> list(@PathVariable String type) {
		return mappings.list(ChannelType.fromPath(type)).stream().map(MappingView::of).toList();
	}

	@Operation(summary = "Replaces the listing mappings of a channel")
	@ApiResponse(responseCode = "200", description = "OK")
	@ApiResponse(responseCode = "400", description = "Invalid input; the problem names each field")
	@ApiResponse(responseCode = "401", description = "Not signed in: no valid API token or password")
	@ApiResponse(responseCode = "403", description = "Signed in without the role: ADMIN or MANAGER")
	@ApiResponse(responseCode = "404", description = "No channel of this type")
	@ApiResponse(responseCode = "409", description = "The channel is not configured yet")
	@ApiResponse(responseCode = "422",
			description = "A mapping cannot be stored (unknown property, unusable feed address)")
	@PutMapping
	@PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
	List<MappingView> replace(@PathVariable String type, @RequestBody List<@Valid MappingForm> forms) {
		return mappings
			.replace(ChannelType.fromPath(type),
					forms.stream()
						.map(form -> new MappingRequest(form.externalListingId(), form.propertyId(), form.importUrl()))
						.toList())
			.stream()
			.map(MappingView::of)
			.toList();
	}

	@Operation(summary = "Issues a new export link for a listing; the old one stops working")
	@ApiResponse(responseCode = "200", description = "OK")
	@ApiResponse(responseCode = "401", description = "Not signed in: no valid API token or password")
	@ApiResponse(responseCode = "403", description = "Signed in without the role: ADMIN")
	@ApiResponse(responseCode = "404",
			description = "No such channel, the channel is not configured, or the listing is not mapped")
	@PostMapping("/{externalListingId}/export-token")
	@PreAuthorize("hasRole('ADMIN')")
	MappingView regenerateExportToken(@PathVariable String type, @PathVariable String externalListingId) {
		return MappingView.of(mappings.regenerateExportToken(ChannelType.fromPath(type), externalListingId));
	}

	record MappingForm(@NotBlank @Size(max = 255) String externalListingId, @NotNull UUID propertyId,
			@Size(max = 2048) String importUrl) {

		@Override
		public String toString() {
			return "MappingForm[" + externalListingId + " -> " + propertyId + ", importUrl hidden]";
		}

	}

	/**
	 * A mapping as shown: the import URL only as "configured" and its host, the export
	 * feed URL in full.
	 */
	record MappingView(String externalListingId, UUID propertyId, boolean importUrlConfigured, String importUrlHost,
			String exportUrl, Instant createdAt, Instant updatedAt) {

		static MappingView of(ListingMapping m) {
			String exportUrl = ServletUriComponentsBuilder.fromCurrentContextPath()
				.path("/ical/{token}.ics")
				.buildAndExpand(m.exportToken())
				.toUriString();
			return new MappingView(m.externalListingId(), m.propertyId(), m.importUrlConfigured(), m.importUrlHost(),
					exportUrl, m.createdAt(), m.updatedAt());
		}

	}

}

package io.staysync.integrations.rest;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.staysync.channels.ChannelType;
import io.staysync.common.PageResponse;
import io.staysync.common.TooLargeException;
import io.staysync.integrations.internal.ImportReport;
import io.staysync.integrations.internal.ListingMapping;
import io.staysync.integrations.internal.MappingManagement;
import io.staysync.integrations.internal.MappingManagement.MappingRequest;
import io.staysync.integrations.internal.MappingImport;
import io.staysync.integrations.internal.MappingSearch;
import io.staysync.integrations.internal.MappingSettings;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Listing mappings of an integration. The collection PUT replaces the whole set (listings
 * left out are unmapped; an import URL left out is kept) and is capped; an integration
 * with more listings maps them one at a time ({@code PUT} and {@code DELETE}
 * {@code …/mappings/{externalListingId}}) or imports them from CSV; the list is paged and
 * searchable.
 */
@RestController
@RequestMapping("/api/integrations/{type}/mappings")
class MappingController {

	static final int MAX_PAGE = 500;

	private final MappingManagement mappings;

	private final MappingSearch search;

	private final MappingImport imports;

	private final MappingSettings settings;

	MappingController(MappingManagement mappings, MappingSearch search, MappingImport imports,
			MappingSettings settings) {
		this.mappings = mappings;
		this.search = search;
		this.imports = imports;
		this.settings = settings;
	}

	@Operation(summary = "A page of the listings of a channel mapped to properties, with their export links",
			description = "Ordered by listing id. q matches anywhere in the listing id, the feed's host or the"
					+ " property's name (ignoring case), or the property's id exactly.")
	@ApiResponse(responseCode = "200", description = "OK")
	@ApiResponse(responseCode = "400", description = "Invalid input (page below 0, size outside 1 to 500)")
	@ApiResponse(responseCode = "401", description = "Not signed in: no valid API token or password")
	@ApiResponse(responseCode = "404", description = "No channel of this type")
	@GetMapping
	PageResponse<MappingView> list(@PathVariable String type, @RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(MAX_PAGE) int size,
			@RequestParam(required = false) @Size(max = 255) String q) {
		return PageResponse.of(search.page(ChannelType.fromPath(type), q, page, size), MappingView::of);
	}

	@Operation(summary = "Maps one listing to a property, creating or replacing its mapping",
			description = "Checked like one mapping of the bulk PUT: the property must exist, the feed URL must be"
					+ " an http(s) URL without credentials (its address is checked when it is fetched), and in"
					+ " iCal mode a listing needs one. importUrl left out keeps the stored one; \"\" removes it.")
	@ApiResponse(responseCode = "200", description = "The mapping was replaced (or already was so)")
	@ApiResponse(responseCode = "201", description = "The listing was mapped")
	@ApiResponse(responseCode = "400", description = "Invalid input; the problem names each field")
	@ApiResponse(responseCode = "401", description = "Not signed in: no valid API token or password")
	@ApiResponse(responseCode = "403", description = "Signed in without the role: ADMIN or MANAGER")
	@ApiResponse(responseCode = "404", description = "No channel of this type")
	@ApiResponse(responseCode = "409", description = "The channel is not configured yet")
	@ApiResponse(responseCode = "422", description = "Unknown property, or a feed URL missing in iCal mode")
	@PutMapping("/{externalListingId}")
	@PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
	ResponseEntity<MappingView> put(@PathVariable String type, @PathVariable @Size(max = 255) String externalListingId,
			@Valid @RequestBody OneMappingForm form) {
		MappingManagement.Stored stored = mappings.put(ChannelType.fromPath(type),
				new MappingRequest(externalListingId, form.propertyId(), form.importUrl()));
		return ResponseEntity.status(stored.change() == MappingManagement.Change.CREATED ? 201 : 200)
			.body(MappingView.of(stored.mapping()));
	}

	@Operation(summary = "Unmaps one listing; its bookings stay")
	@ApiResponse(responseCode = "204", description = "Unmapped")
	@ApiResponse(responseCode = "401", description = "Not signed in: no valid API token or password")
	@ApiResponse(responseCode = "403", description = "Signed in without the role: ADMIN or MANAGER")
	@ApiResponse(responseCode = "404",
			description = "No such channel, the channel is not configured, or the listing is not mapped")
	@DeleteMapping("/{externalListingId}")
	@PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
	ResponseEntity<Void> delete(@PathVariable String type, @PathVariable String externalListingId) {
		mappings.remove(ChannelType.fromPath(type), externalListingId);
		return ResponseEntity.noContent().build();
	}

	@Operation(summary = "Maps listings from a CSV file, row by row, with a report of each row",
			description = "Columns: listing id, property (id or exact name), feed URL (iCal mode). A header row"
					+ " is optional and may name the columns in any order. UTF-8 (with or without BOM), comma or"
					+ " semicolon separated, quoted fields, CRLF or LF. A bad row is refused with its reason and"
					+ " never stops the others; listings not in the file stay mapped. Send the file as the body"
					+ " (text/csv) or as the part 'file' of a form (multipart/form-data). dryRun=true reports"
					+ " what would happen and stores nothing.")
	@ApiResponse(responseCode = "200", description = "The report: counts and every row's outcome")
	@ApiResponse(responseCode = "400", description = "A header row that names no listing or property column")
	@ApiResponse(responseCode = "401", description = "Not signed in: no valid API token or password")
	@ApiResponse(responseCode = "403", description = "Signed in without the role: ADMIN or MANAGER")
	@ApiResponse(responseCode = "404", description = "No channel of this type")
	@ApiResponse(responseCode = "409", description = "The channel is not configured yet")
	@ApiResponse(responseCode = "413",
			description = "More rows or bytes than staysync.mappings.import-max-rows / import-max-bytes")
	@ApiResponse(responseCode = "415", description = "Neither text/csv nor multipart/form-data")
	@PostMapping(path = "/import", consumes = { "text/csv", MediaType.TEXT_PLAIN_VALUE })
	@PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
	ImportReport importCsv(@PathVariable String type, @RequestParam(defaultValue = "false") boolean dryRun,
			@RequestBody byte[] csv) {
		return imports.run(ChannelType.fromPath(type), csv, dryRun);
	}

	@Operation(
			summary = "Maps listings from a CSV file uploaded as the part 'file' of a form, with a report of each row")
	@ApiResponse(responseCode = "200", description = "The report: counts and every row's outcome")
	@ApiResponse(responseCode = "400",
			description = "No part 'file', or a header row that names no listing or property column")
	@ApiResponse(responseCode = "401", description = "Not signed in: no valid API token or password")
	@ApiResponse(responseCode = "403", description = "Signed in without the role: ADMIN or MANAGER")
	@ApiResponse(responseCode = "409", description = "The channel is not configured yet")
	@ApiResponse(responseCode = "413", description = "More rows or bytes than the import accepts")
	@PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
	ImportReport importUpload(@PathVariable String type, @RequestParam(defaultValue = "false") boolean dryRun,
			@RequestPart("file") MultipartFile file) throws IOException {
		if (file.getSize() > settings.importMaxBytes()) {
			throw new TooLargeException("An import may be at most " + settings.importMaxBytes()
					+ " bytes; this file has " + file.getSize() + ". Split it into several files.");
		}
		return imports.run(ChannelType.fromPath(type), file.getBytes(), dryRun);
	}

	@Operation(summary = "Replaces the listing mappings of a channel",
			description = "At most staysync.mappings.max-per-request mappings (5,000 by default) per request;"
					+ " map more one at a time or import them from CSV.")
	@ApiResponse(responseCode = "200", description = "OK")
	@ApiResponse(responseCode = "400", description = "Invalid input; the problem names each field")
	@ApiResponse(responseCode = "401", description = "Not signed in: no valid API token or password")
	@ApiResponse(responseCode = "403", description = "Signed in without the role: ADMIN or MANAGER")
	@ApiResponse(responseCode = "404", description = "No channel of this type")
	@ApiResponse(responseCode = "409", description = "The channel is not configured yet")
	@ApiResponse(responseCode = "413", description = "More mappings than staysync.mappings.max-per-request")
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

	/** The body of a one-listing PUT: the listing is in the path. */
	record OneMappingForm(@NotNull UUID propertyId, @Size(max = 2048) String importUrl) {

		@Override
		public String toString() {
			return "OneMappingForm[" + propertyId + ", importUrl hidden]";
		}

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

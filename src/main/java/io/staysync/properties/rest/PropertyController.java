package io.staysync.properties.rest;

import java.net.URI;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.PageRequest;
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
import org.springframework.web.bind.annotation.RestController;

import io.staysync.common.InvalidInputException;
import io.staysync.common.InvalidInputException.FieldProblem;
import io.staysync.common.PageResponse;
import io.staysync.properties.internal.IanaTimeZone;
import io.staysync.properties.internal.Property;
import io.staysync.properties.internal.PropertyDetails;
import io.staysync.properties.internal.PropertyManagement;
import io.staysync.properties.internal.PropertyRules;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Properties: everyone signed in reads, ADMIN and MANAGER write. */
@RestController
@RequestMapping("/api/properties")
class PropertyController {

	private static final String WRITERS = "hasAnyRole('ADMIN', 'MANAGER')";

	private final PropertyManagement properties;

	PropertyController(PropertyManagement properties) {
		this.properties = properties;
	}

	@Operation(summary = "The properties, by name")
	@ApiResponse(responseCode = "200", description = "OK")
	@ApiResponse(responseCode = "400", description = "Invalid input; the problem names each field")
	@ApiResponse(responseCode = "401", description = "Not signed in: no valid API token or password")
	@GetMapping
	PageResponse<PropertyView> list(@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
		return PageResponse.of(properties.list(PageRequest.of(page, size)), PropertyView::of);
	}

	@Operation(summary = "One property")
	@ApiResponse(responseCode = "200", description = "OK")
	@ApiResponse(responseCode = "401", description = "Not signed in: no valid API token or password")
	@ApiResponse(responseCode = "404", description = "No property with this id")
	@GetMapping("/{id}")
	PropertyView get(@PathVariable UUID id) {
		return PropertyView.of(properties.get(id));
	}

	@Operation(summary = "Creates a property")
	@ApiResponse(responseCode = "201", description = "Created; Location names the new resource")
	@ApiResponse(responseCode = "400", description = "Invalid input; the problem names each field")
	@ApiResponse(responseCode = "401", description = "Not signed in: no valid API token or password")
	@ApiResponse(responseCode = "403", description = "Signed in without the role: ADMIN or MANAGER")
	@PostMapping
	@PreAuthorize(WRITERS)
	ResponseEntity<PropertyView> create(@Valid @RequestBody PropertyForm form) {
		Property property = properties.create(form.toDetails());
		return ResponseEntity.created(URI.create("/api/properties/" + property.id())).body(PropertyView.of(property));
	}

	@Operation(summary = "Changes a property")
	@ApiResponse(responseCode = "200", description = "OK")
	@ApiResponse(responseCode = "400", description = "Invalid input; the problem names each field")
	@ApiResponse(responseCode = "401", description = "Not signed in: no valid API token or password")
	@ApiResponse(responseCode = "403", description = "Signed in without the role: ADMIN or MANAGER")
	@ApiResponse(responseCode = "404", description = "No property with this id")
	@ApiResponse(responseCode = "409",
			description = "Changed by someone else meanwhile (the version sent is not the stored one)")
	@PutMapping("/{id}")
	@PreAuthorize(WRITERS)
	PropertyView update(@PathVariable UUID id, @Valid @RequestBody PropertyForm form) {
		if (form.version() == null) {
			throw InvalidInputException.of(List.of(new FieldProblem("version",
					"is required: send the version you read, so that a concurrent change is not overwritten")));
		}
		return PropertyView.of(properties.update(id, form.version(), form.toDetails()));
	}

	@Operation(summary = "Deletes a property without bookings or mappings")
	@ApiResponse(responseCode = "204", description = "Done; no body")
	@ApiResponse(responseCode = "401", description = "Not signed in: no valid API token or password")
	@ApiResponse(responseCode = "403", description = "Signed in without the role: ADMIN or MANAGER")
	@ApiResponse(responseCode = "404", description = "No property with this id")
	@ApiResponse(responseCode = "409", description = "The property still has bookings or mapped listings")
	@DeleteMapping("/{id}")
	@PreAuthorize(WRITERS)
	ResponseEntity<Void> delete(@PathVariable UUID id) {
		properties.delete(id);
		return ResponseEntity.noContent().build();
	}

	/** The body of create and update; {@code version} is required on update only. */
	record PropertyForm(@NotBlank @Size(max = PropertyRules.NAME_MAX) String name,
			@NotNull @IanaTimeZone String timeZone, LocalTime checkInTime, LocalTime checkOutTime,
			@NotNull @Min(PropertyRules.MIN_GUESTS) @Max(PropertyRules.MAX_GUESTS) Integer maxGuests,
			@Size(max = PropertyRules.ADDRESS_LINE_MAX) String addressLine1,
			@Size(max = PropertyRules.ADDRESS_LINE_MAX) String addressLine2,
			@Size(max = PropertyRules.CITY_MAX) String city,
			@Size(max = PropertyRules.POSTAL_CODE_MAX) String postalCode,
			@Size(max = PropertyRules.REGION_MAX) String region, @Pattern(regexp = PropertyRules.COUNTRY_CODE,
					message = PropertyRules.COUNTRY_CODE_MESSAGE) String countryCode,
			Long version) {

		/** Times left out take the house defaults. */
		PropertyDetails toDetails() {
			return new PropertyDetails(name, timeZone, checkInTime, checkOutTime, maxGuests,
					new Property.Address(addressLine1, addressLine2, city, postalCode, region, countryCode));
		}

	}

	record PropertyView(UUID id, String name, String timeZone, LocalTime checkInTime, LocalTime checkOutTime,
			int maxGuests, String addressLine1, String addressLine2, String city, String postalCode, String region,
			String countryCode, Instant createdAt, Instant updatedAt, Long version) {

		static PropertyView of(Property p) {
			Property.Address a = p.address() == null ? new Property.Address(null, null, null, null, null, null)
					: p.address();
			return new PropertyView(p.id(), p.name(), p.timeZone(), p.checkInTime(), p.checkOutTime(), p.maxGuests(),
					a.addressLine1(), a.addressLine2(), a.city(), a.postalCode(), a.region(), a.countryCode(),
					p.createdAt(), p.updatedAt(), p.version());
		}

	}

}

package io.staysync.bookings.rest;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.springframework.data.domain.PageRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.staysync.bookings.BookingKind;
import io.staysync.bookings.BookingSource;
import io.staysync.bookings.BookingStatus;
import io.staysync.bookings.internal.Booking;
import io.staysync.bookings.internal.BookingFilter;
import io.staysync.bookings.internal.BookingManagement;
import io.staysync.bookings.internal.ManualBooking;
import io.staysync.common.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Bookings of every property: everyone signed in reads, ADMIN and MANAGER write. */
@RestController
@RequestMapping("/api/bookings")
class BookingController {

	private static final String WRITERS = "hasAnyRole('ADMIN', 'MANAGER')";

	private final BookingManagement bookings;

	BookingController(BookingManagement bookings) {
		this.bookings = bookings;
	}

	@Operation(summary = "The bookings, filtered by property, nights, status, source and kind",
			description = "status is confirmed, tentative or cancelled (any case): tentative bookings are channel"
					+ " requests not yet accepted, such as Airbnb's pending reservations")
	@ApiResponse(responseCode = "200", description = "OK")
	@ApiResponse(responseCode = "400", description = "Invalid input; the problem names each field")
	@ApiResponse(responseCode = "401", description = "Not signed in: no valid API token or password")
	@GetMapping
	PageResponse<BookingView> list(@RequestParam(required = false) UUID propertyId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@Parameter(description = "confirmed, tentative or cancelled") @RequestParam(
					required = false) BookingStatus status,
			@RequestParam(required = false) BookingSource source, @RequestParam(required = false) BookingKind kind,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
		BookingFilter filter = new BookingFilter(propertyId, from, to, status, source, kind);
		return PageResponse.of(bookings.find(filter, PageRequest.of(page, size)), BookingView::of);
	}

	@Operation(summary = "One booking")
	@ApiResponse(responseCode = "200", description = "OK")
	@ApiResponse(responseCode = "401", description = "Not signed in: no valid API token or password")
	@ApiResponse(responseCode = "404", description = "No booking with this id")
	@GetMapping("/{id}")
	BookingView get(@PathVariable UUID id) {
		return BookingView.of(bookings.get(id));
	}

	@Operation(summary = "Enters a manual reservation or block")
	@ApiResponse(responseCode = "201", description = "Created; Location names the new resource")
	@ApiResponse(responseCode = "400", description = "Invalid input; the problem names each field")
	@ApiResponse(responseCode = "401", description = "Not signed in: no valid API token or password")
	@ApiResponse(responseCode = "403", description = "Signed in without the role: ADMIN or MANAGER")
	@ApiResponse(responseCode = "409",
			description = "The nights are taken (the answer names the bookings); send force=true to keep both")
	@ApiResponse(responseCode = "422", description = "The property does not exist or takes fewer guests")
	@PostMapping
	@PreAuthorize(WRITERS)
	ResponseEntity<BookingView> create(@Valid @RequestBody BookingForm form,
			@RequestParam(defaultValue = "false") boolean force) {
		Booking booking = bookings.create(form.toManualBooking(), force);
		return ResponseEntity.created(URI.create("/api/bookings/" + booking.id())).body(BookingView.of(booking));
	}

	@Operation(summary = "Cancels a manual booking")
	@ApiResponse(responseCode = "200", description = "OK")
	@ApiResponse(responseCode = "401", description = "Not signed in: no valid API token or password")
	@ApiResponse(responseCode = "403", description = "Signed in without the role: ADMIN or MANAGER")
	@ApiResponse(responseCode = "404", description = "No booking with this id")
	@ApiResponse(responseCode = "409", description = "A channel's booking is cancelled on its channel")
	@PostMapping("/{id}/cancel")
	@PreAuthorize(WRITERS)
	BookingView cancel(@PathVariable UUID id) {
		return BookingView.of(bookings.cancel(id));
	}

	/**
	 * A manual reservation (the default) or block. {@code checkOut} is the departure day.
	 * A manual booking is always confirmed.
	 */
	record BookingForm(@NotNull UUID propertyId, BookingKind kind, @NotNull LocalDate checkIn,
			@NotNull LocalDate checkOut, @Size(max = 200) String guestName,
			@Schema(description = "The guest's e-mail address; at most 254 characters",
					example = "ana@example.com") String guestEmail,
			@Schema(description = "The guest's phone number, with at least one digit; at most 40 characters",
					example = "+34 600 123 456") String guestPhone,
			@Min(0) @Max(100) Integer adults, @Min(0) @Max(100) Integer children, BigDecimal totalAmount,
			String currency, @Size(max = 2000) String notes) {

		ManualBooking toManualBooking() {
			return new ManualBooking(propertyId, kind == null ? BookingKind.RESERVATION : kind, checkIn, checkOut,
					guestName, adults, children, totalAmount, currency, notes, guestEmail, guestPhone);
		}

	}

	record BookingView(UUID id, UUID propertyId, BookingKind kind, @Schema(
			description = "CONFIRMED holds its nights; TENTATIVE is a channel's request not yet accepted (an Airbnb"
					+ " pending reservation), holding its nights while staysync.bookings.hold-tentative is on but"
					+ " never part of a conflict; CANCELLED holds none") BookingStatus status,
			LocalDate checkIn, LocalDate checkOut, long nights, String guestName,
			@Schema(description = "The guest's e-mail address as the channel relays it (often a channel alias) or as"
					+ " entered; null when unknown. Personal data") String guestEmail,
			@Schema(description = "The guest's phone number as the channel sends it or as entered; null when"
					+ " unknown. Personal data") String guestPhone,
			Integer adults, Integer children, BigDecimal totalAmount, String currency, BookingSource source,
			UUID integrationId, String externalId, String externalReference, String externalListingId, String notes,
			Instant createdAt, Instant updatedAt, Instant cancelledAt, Long version) {

		static BookingView of(Booking b) {
			return new BookingView(b.id(), b.propertyId(), b.kind(), b.status(), b.checkIn(), b.checkOut(),
					ChronoUnit.DAYS.between(b.checkIn(), b.checkOut()), b.guestName(), b.guestEmail(), b.guestPhone(),
					b.adults(), b.children(), plain(b.totalAmount()), b.currency(), b.source(), b.integrationId(),
					b.externalId(), b.externalReference(), b.externalListingId(), b.notes(), b.createdAt(),
					b.updatedAt(), b.cancelledAt(), b.version());
		}

		/**
		 * The amount without trailing zeros, but never in exponent form: 360.00 is
		 * {@code 360}, not {@code 3.6E+2}, which JSON clients would read as a float.
		 */
		static BigDecimal plain(BigDecimal amount) {
			if (amount == null) {
				return null;
			}
			BigDecimal stripped = amount.stripTrailingZeros();
			return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
		}

	}

}

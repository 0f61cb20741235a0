package io.staysync.channels.sandbox.airbnb;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.staysync.channels.sandbox.SandboxFaults;
import io.staysync.channels.sandbox.airbnb.AirbnbSandbox.Refusal;

/**
 * Airbnb's partner API as the sandbox answers it under {@value #API}: {@code users/me},
 * {@code listings} and {@code reservations} in pages ({@code _limit}, {@code _offset},
 * {@code paging.next_offset}), {@code reservations/{code}} and
 * {@code calendar_operations}, each checking the {@code X-Airbnb-OAuth-Token} and
 * {@code X-Airbnb-API-Key} headers and answering errors with Airbnb's bodies. Faults are
 * injected here. Besides, unauthenticated helpers under {@value #DEMO} let a demo (or a
 * browser test) book, alter and cancel reservations, which are then notified to Staysync.
 * 404 outside demo mode and tests.
 */
@RestController
class SandboxAirbnbController {

	static final String API = SandboxAirbnbOAuthController.BASE + "/v2";

	static final String DEMO = SandboxAirbnbOAuthController.BASE + "/demo";

	/** Airbnb's most per page. */
	static final int MAX_LIMIT = 50;

	private static final String TOKEN = "X-Airbnb-OAuth-Token";

	private static final String KEY = "X-Airbnb-API-Key";

	private final AirbnbSandbox sandbox;

	private final Clock clock;

	private final JsonMapper json = JsonMapper.builder().build();

	SandboxAirbnbController(AirbnbSandbox sandbox, Clock clock) {
		this.sandbox = sandbox;
		this.clock = clock;
	}

	@GetMapping(API + "/users/me")
	ResponseEntity<String> me(@RequestHeader(name = TOKEN, required = false) String token,
			@RequestHeader(name = KEY, required = false) String key) throws InterruptedException {
		return answer(token, key, grant -> {
			Map<String, Object> user = new LinkedHashMap<>();
			user.put("id", grant.userId());
			user.put("first_name", "Sandbox host");
			user.put("id_str", String.valueOf(grant.userId()));
			return Map.of("user", user);
		});
	}

	@GetMapping(API + "/listings")
	ResponseEntity<String> listings(@RequestHeader(name = TOKEN, required = false) String token,
			@RequestHeader(name = KEY, required = false) String key,
			@RequestParam(name = "_limit", required = false) String limit,
			@RequestParam(name = "_offset", required = false) String offset) throws InterruptedException {
		return answer(token, key, grant -> {
			List<Map<String, Object>> all = new ArrayList<>();
			sandbox.listings().forEach((id, name) -> {
				Map<String, Object> listing = new LinkedHashMap<>();
				listing.put("id", id);
				listing.put("name", name);
				listing.put("id_str", String.valueOf(id));
				listing.put("has_availability", true);
				listing.put("synchronization_category", "sync_all");
				all.add(listing);
			});
			return paged("listings", all, limit, offset);
		});
	}

	@GetMapping(API + "/reservations")
	ResponseEntity<String> reservations(@RequestHeader(name = TOKEN, required = false) String token,
			@RequestHeader(name = KEY, required = false) String key,
			@RequestParam(name = "listing_id", required = false) String listingId,
			@RequestParam(name = "_limit", required = false) String limit,
			@RequestParam(name = "_offset", required = false) String offset) throws InterruptedException {
		return answer(token, key, grant -> {
			long listing = knownListing(listingId);
			List<Map<String, Object>> all = sandbox.reservationsOf(listing)
				.stream()
				.map(SandboxReservation::json)
				.toList();
			return paged("reservations", all, limit, offset);
		});
	}

	@GetMapping(API + "/reservations/{code}")
	ResponseEntity<String> reservation(@RequestHeader(name = TOKEN, required = false) String token,
			@RequestHeader(name = KEY, required = false) String key, @PathVariable String code)
			throws InterruptedException {
		return answer(token, key, grant -> Map.of("reservation", sandbox.reservation(code)
			.map(SandboxReservation::json)
			.orElseThrow(
					() -> new Refusal(404, "record_not_found", "The reservation you requested could not be found."))));
	}

	@PostMapping(API + "/calendar_operations")
	ResponseEntity<String> calendarOperations(@RequestHeader(name = TOKEN, required = false) String token,
			@RequestHeader(name = KEY, required = false) String key, @RequestBody(required = false) byte[] body)
			throws InterruptedException {
		return answer(token, key, grant -> {
			JsonNode request;
			try {
				request = json.readTree(body == null ? new byte[0] : body);
			}
			catch (JacksonException malformed) {
				throw new Refusal(400, "invalid_request", "The request body is not valid JSON.");
			}
			JsonNode listingNode = request == null ? null : request.get("listing_id");
			long listing = knownListing(listingNode == null || listingNode.isNull() ? null : listingNode.asString());
			JsonNode operations = request.get("operations");
			if (operations == null || !operations.isArray() || operations.isEmpty()) {
				throw new Refusal(400, "invalid_request", "operations must be a non-empty list.");
			}
			LocalDate earliest = LocalDate.now(clock).minusDays(1);
			LocalDate latest = earliest.plusYears(3);
			List<Runnable> apply = new ArrayList<>();
			for (JsonNode operation : operations.values()) {
				JsonNode availability = operation.get("availability");
				if (availability == null || !availability.isString()
						|| !List.of("available", "unavailable").contains(availability.asString())) {
					throw new Refusal(400, "invalid_request", "availability must be available or unavailable.");
				}
				JsonNode dates = operation.get("dates");
				if (dates == null || !dates.isArray() || dates.isEmpty()) {
					throw new Refusal(400, "invalid_request", "dates must be a non-empty list.");
				}
				List<LocalDate> nights = new ArrayList<>();
				List<String> ranges = new ArrayList<>();
				for (JsonNode range : dates.values()) {
					String text = range.isString() ? range.asString() : "";
					nights.addAll(nights(text, earliest, latest));
					ranges.add(text);
				}
				boolean open = availability.asString().equals("available");
				apply.add(() -> sandbox.apply(listing, nights, open, ranges));
			}
			// Checked first, applied after: a request is taken whole or not at all.
			apply.forEach(Runnable::run);
			return Map.of("calendar_operation", Map.of("listing_id", listing, "operations", operations.size()));
		});
	}

	/** Books a sandbox reservation (and notifies it): for demos and browser tests. */
	@PostMapping(DEMO + "/reservations")
	ResponseEntity<Map<String, Object>> book(@RequestParam(name = "listing_id") long listingId,
			@RequestParam(name = "start_date") LocalDate start, @RequestParam(name = "end_date") LocalDate end,
			@RequestParam(name = "status_type", defaultValue = "accept") String status) {
		if (!sandbox.active()) {
			return ResponseEntity.notFound().build();
		}
		if (!sandbox.knows(listingId) || !start.isBefore(end)) {
			return ResponseEntity.badRequest().body(Map.of("error", "unknown listing or empty stay"));
		}
		String code = "HM" + Long.toString(Math.abs(System.nanoTime()), 36).toUpperCase(java.util.Locale.ROOT);
		code = (code + "XXXXXXXX").substring(0, 10);
		SandboxReservation booked = sandbox
			.book(SandboxReservation.accepted(code, listingId, start, end).withStatus(status, clock.instant()));
		return ResponseEntity.ok(booked.json());
	}

	/** Cancels a sandbox reservation (and notifies it). */
	@PostMapping(DEMO + "/reservations/{code}/cancel")
	ResponseEntity<Map<String, Object>> cancel(@PathVariable String code,
			@RequestParam(name = "status_type", defaultValue = "cancelled_by_guest") String status) {
		if (!sandbox.active()) {
			return ResponseEntity.notFound().build();
		}
		if (sandbox.reservation(code).isEmpty()) {
			return ResponseEntity.notFound().build();
		}
		return ResponseEntity.ok(sandbox.cancel(code, status).json());
	}

	/** Moves a sandbox reservation (and notifies the alteration). */
	@PostMapping(DEMO + "/reservations/{code}/alter")
	ResponseEntity<Map<String, Object>> alter(@PathVariable String code,
			@RequestParam(name = "start_date") LocalDate start, @RequestParam(name = "end_date") LocalDate end) {
		if (!sandbox.active()) {
			return ResponseEntity.notFound().build();
		}
		if (sandbox.reservation(code).isEmpty() || !start.isBefore(end)) {
			return ResponseEntity.notFound().build();
		}
		return ResponseEntity.ok(sandbox.alter(code, start, end).json());
	}

	/**
	 * Not active, a fault, a refused token: that answer; otherwise the body the handler
	 * built, cut in the middle when the fault says so.
	 */
	private ResponseEntity<String> answer(String token, String key, Handler handler) throws InterruptedException {
		if (!sandbox.active()) {
			return ResponseEntity.notFound().build();
		}
		SandboxFaults faults = sandbox.currentFaults();
		faults.delay();
		SandboxFaults.Fault fault = faults.of(sandbox.nextRequest());
		try {
			switch (fault) {
				case THROTTLE -> {
					return error(new Refusal(faults.throttleStatus(), "rate_limited",
							"You have made too many requests. Please try again later."), faults);
				}
				case UNAVAILABLE -> {
					return error(new Refusal(503, "service_unavailable", "Service temporarily unavailable."), faults);
				}
				case FAIL -> {
					return error(new Refusal(500, "internal_error", "Something went wrong."), faults);
				}
				default -> {
					// the real answer follows
				}
			}
			String body = json.writeValueAsString(handler.handle(sandbox.access(token, key)));
			if (fault == SandboxFaults.Fault.TRUNCATE) {
				body = body.substring(0, body.length() / 2);
			}
			return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
		}
		catch (Refusal refused) {
			return error(refused, faults);
		}
	}

	private ResponseEntity<String> error(Refusal refused, SandboxFaults faults) {
		ResponseEntity.BodyBuilder answer = ResponseEntity.status(refused.status())
			.contentType(MediaType.APPLICATION_JSON);
		if (refused.status() == 429 || refused.status() == 503 || refused.status() == 405) {
			answer.header(HttpHeaders.RETRY_AFTER, faults.retryAfterSeconds());
		}
		return answer.body(new String(json.writeValueAsBytes(refused.body()), StandardCharsets.UTF_8));
	}

	private long knownListing(String listingId) {
		long id;
		try {
			id = Long.parseLong(listingId == null ? "" : listingId.strip());
		}
		catch (NumberFormatException notANumber) {
			throw new Refusal(400, "invalid_request", "listing_id must be a listing id.");
		}
		if (!sandbox.knows(id)) {
			throw new Refusal(403, "no_access", "You do not have permission to access this resource.");
		}
		return id;
	}

	/**
	 * Nights of {@code 2024-03-01:2024-03-04} (both included) or {@code 2024-04-10}.
	 */
	private static List<LocalDate> nights(String range, LocalDate earliest, LocalDate latest) {
		String[] parts = range.split(":", -1);
		LocalDate first;
		LocalDate last;
		try {
			first = LocalDate.parse(parts[0]);
			last = parts.length == 2 ? LocalDate.parse(parts[1]) : first;
		}
		catch (DateTimeParseException unreadable) {
			throw new Refusal(400, "invalid_request",
					"'" + range.replaceAll("[^0-9:-]", "?") + "' is not a date range.");
		}
		if (parts.length > 2 || last.isBefore(first)) {
			throw new Refusal(400, "invalid_request", "'" + range + "' is not a date range.");
		}
		if (first.isBefore(earliest) || last.isAfter(latest)) {
			throw new Refusal(400, "invalid_request", "'" + range + "' is outside the calendar that can be changed.");
		}
		List<LocalDate> nights = new ArrayList<>();
		for (LocalDate night = first; !night.isAfter(last); night = night.plusDays(1)) {
			nights.add(night);
		}
		return nights;
	}

	private static Map<String, Object> paged(String field, List<Map<String, Object>> all, String limitValue,
			String offsetValue) {
		int limit = number(limitValue, 20);
		int offset = number(offsetValue, 0);
		if (limit < 1 || limit > MAX_LIMIT || offset < 0) {
			throw new Refusal(400, "invalid_request", "_limit must be 1 to " + MAX_LIMIT + " and _offset 0 or more.");
		}
		List<Map<String, Object>> page = AirbnbSandbox.page(all, offset, limit);
		Map<String, Object> paging = new LinkedHashMap<>();
		paging.put("total_count", all.size());
		paging.put("limit", limit);
		paging.put("prev_offset", offset == 0 ? null : Math.max(0, offset - limit));
		paging.put("next_offset", offset + page.size() < all.size() ? offset + page.size() : null);
		paging.put("next_cursor", null);
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put(field, page);
		answer.put("paging", paging);
		return answer;
	}

	private static int number(String value, int otherwise) {
		if (value == null || value.isBlank()) {
			return otherwise;
		}
		try {
			return Integer.parseInt(value.strip());
		}
		catch (NumberFormatException notANumber) {
			throw new Refusal(400, "invalid_request", "Paging parameters must be numbers.");
		}
	}

	private interface Handler {

		Object handle(AirbnbSandbox.Grant grant);

	}

}

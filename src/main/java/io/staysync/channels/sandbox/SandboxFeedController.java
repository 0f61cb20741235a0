package io.staysync.channels.sandbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.staysync.common.RunMode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/**
 * Demo mode only: sample feeds in the shapes Airbnb and Booking.com serve, with dates
 * relative to today, so that a first sync on a laptop shows bookings at once. They are
 * fetched through the same guarded HTTP path as any real feed.
 */
@RestController
class SandboxFeedController {

	static final MediaType CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

	private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

	private final Clock clock;

	/** Demo data belongs on a laptop: outside demo mode the feeds do not exist. */
	private final boolean demo;

	SandboxFeedController(Clock clock, RunMode runMode) {
		this.clock = clock;
		this.demo = runMode.demo();
	}

	@Operation(summary = "A demo channel feed (demo mode only)")
	@ApiResponse(responseCode = "200", description = "OK")
	@ApiResponse(responseCode = "404", description = "No such demo feed, or not in demo mode")
	@GetMapping("/sandbox/ical/{feed}.ics")
	ResponseEntity<String> feed(@PathVariable String feed) {
		if (!demo) {
			return ResponseEntity.notFound().build();
		}
		LocalDate today = LocalDate.now(clock);
		String body = switch (feed) {
			case "airbnb-harbour-loft" -> calendar("-//Airbnb Inc//Hosting Calendar 0.8.8//EN",
					airbnbReserved("1418fb94e984-5d6f9ac5c2fa3fc3e2e0f81c4a2e48a0@airbnb.com", today.plusDays(3),
							today.plusDays(7), "HMSANDBOX1")
							+ airbnbReserved("7f3c2b1a9e8d-0c4b5a6978e1d2c3b4a59687@airbnb.com", today.plusDays(12),
									today.plusDays(15), "HMSANDBOX2")
							+ event("2d9e0c1b7a6f-4e3d2c1b0a9f8e7d6c5b4a39@airbnb.com", today.plusDays(20),
									today.plusDays(22), "Airbnb (Not available)", null));
			case "bookingcom-alpine-chalet" -> calendar("-//Booking.com//Booking.com Calendar//EN",
					event("b7f1c2d3e4a5b6c7d8e9f0a1b2c3d4e5@booking.com", today.plusDays(5), today.plusDays(9),
							"CLOSED - Not available", null)
							+ event("c8a2d3e4f5b6c7d8e9f0a1b2c3d4e5f6@booking.com", today.plusDays(9),
									today.plusDays(11), "CLOSED - Not available", null));
			default -> null;
		};
		return body == null ? ResponseEntity.notFound().build() : ResponseEntity.ok().contentType(CALENDAR).body(body);
	}

	private static String calendar(String productId, String events) {
		return "BEGIN:VCALENDAR\r\nPRODID:" + productId + "\r\nCALSCALE:GREGORIAN\r\nVERSION:2.0\r\n" + events
				+ "END:VCALENDAR\r\n";
	}

	private static String airbnbReserved(String uid, LocalDate start, LocalDate end, String code) {
		return event(uid, start, end, "Reserved",
				"Reservation URL: https://www.airbnb.com/hosting/reservations/details/" + code
						+ "\\nPhone Number (Last 4 Digits): 1234");
	}

	private static String event(String uid, LocalDate start, LocalDate end, String summary, String description) {
		return "BEGIN:VEVENT\r\nDTEND;VALUE=DATE:" + DATE.format(end) + "\r\nDTSTART;VALUE=DATE:" + DATE.format(start)
				+ "\r\nUID:" + uid + "\r\n" + (description == null ? "" : "DESCRIPTION:" + description + "\r\n")
				+ "SUMMARY:" + summary + "\r\nEND:VEVENT\r\n";
	}

}

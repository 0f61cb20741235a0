package io.staysync.channels.airbnb;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.staysync.channels.AvailabilityWindow;

/**
 * A window of nights of one listing as the body of {@code POST calendar_operations}:
 * {@code {"listing_id": 123, "operations": [{"dates": ["2024-03-01:2024-03-04",
 * "2024-04-10"], "availability": "unavailable", …}]}}, date ranges listing nights
 * inclusively (a stay's last night is its check-out minus one). Only the window's nights
 * from {@code today} on are sent: Airbnb's calendar has no past to change.
 */
final class CalendarOperations {

	static final String NOTES = "Staysync";

	private CalendarOperations() {
	}

	/** The request body, or {@code null} when the whole window is in the past. */
	static Map<String, Object> of(long listingId, AvailabilityWindow window, LocalDate today) {
		LocalDate start = window.from().isBefore(today) ? today : window.from();
		if (!start.isBefore(window.to())) {
			return null;
		}
		List<String> open = new ArrayList<>();
		List<String> closed = new ArrayList<>();
		LocalDate first = start;
		boolean closedRun = !window.open(start);
		for (LocalDate night = start.plusDays(1); !night.isAfter(window.to()); night = night.plusDays(1)) {
			boolean end = !night.isBefore(window.to());
			if (end || window.open(night) == closedRun) {
				(closedRun ? closed : open).add(range(first, night.minusDays(1)));
				first = night;
				closedRun = !end && !window.open(night);
			}
		}
		List<Map<String, Object>> operations = new ArrayList<>();
		if (!open.isEmpty()) {
			operations.add(operation(open, "available"));
		}
		if (!closed.isEmpty()) {
			operations.add(operation(closed, "unavailable"));
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("listing_id", listingId);
		body.put("operations", operations);
		return body;
	}

	private static Map<String, Object> operation(List<String> dates, String availability) {
		Map<String, Object> operation = new LinkedHashMap<>();
		operation.put("dates", dates);
		operation.put("availability", availability);
		operation.put("notes", NOTES);
		return operation;
	}

	private static String range(LocalDate first, LocalDate last) {
		return first.equals(last) ? first.toString() : first + ":" + last;
	}

}

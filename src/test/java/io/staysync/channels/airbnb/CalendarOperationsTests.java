package io.staysync.channels.airbnb;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.staysync.channels.AvailabilityWindow;

import static org.assertj.core.api.Assertions.assertThat;

class CalendarOperationsTests {

	static final LocalDate TODAY = LocalDate.of(2031, 3, 1);

	@Test
	void closedNightsAreInclusiveRangesEndingTheNightBeforeCheckOut() {
		// A stay from the 3rd to the 6th (check-out) holds the 3rd, 4th and 5th; and one
		// night on the 10th.
		AvailabilityWindow window = window(TODAY, TODAY.plusDays(14), TODAY.plusDays(2), TODAY.plusDays(3),
				TODAY.plusDays(4), TODAY.plusDays(9));

		Map<String, Object> body = CalendarOperations.of(51234567L, window, TODAY);

		assertThat(body).containsEntry("listing_id", 51234567L);
		assertThat(operations(body)).containsExactly(
				Map.of("dates", List.of("2031-03-01:2031-03-02", "2031-03-06:2031-03-09", "2031-03-11:2031-03-14"),
						"availability", "available", "notes", "Staysync"),
				Map.of("dates", List.of("2031-03-03:2031-03-05", "2031-03-10"), "availability", "unavailable", "notes",
						"Staysync"));
	}

	@Test
	void onlyTheWindowFromTodayOnIsSent() {
		AvailabilityWindow window = window(TODAY.minusDays(5), TODAY.plusDays(2), TODAY.minusDays(3), TODAY);

		assertThat(operations(CalendarOperations.of(1L, window, TODAY))).containsExactly(
				Map.of("dates", List.of("2031-03-02"), "availability", "available", "notes", "Staysync"),
				Map.of("dates", List.of("2031-03-01"), "availability", "unavailable", "notes", "Staysync"));
		assertThat(CalendarOperations.of(1L, window(TODAY.minusDays(5), TODAY), TODAY)).isNull();
	}

	@Test
	void aWindowAllClosedIsOneRange() {
		AvailabilityWindow window = window(TODAY, TODAY.plusDays(3), TODAY, TODAY.plusDays(1), TODAY.plusDays(2));

		assertThat(operations(CalendarOperations.of(1L, window, TODAY))).containsExactly(
				Map.of("dates", List.of("2031-03-01:2031-03-03"), "availability", "unavailable", "notes", "Staysync"));
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> operations(Map<String, Object> body) {
		return (List<Map<String, Object>>) body.get("operations");
	}

	static AvailabilityWindow window(LocalDate from, LocalDate to, LocalDate... closed) {
		return new AvailabilityWindow(UUID.randomUUID(), from, to, new TreeSet<>(List.of(closed)));
	}

}

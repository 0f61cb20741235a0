package io.staysync.bookings.web;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The month row above the nights of the timeline: one cell per month the range touches,
 * as wide as its nights, so a range that crosses a month end still says which month each
 * night is in.
 */
final class CalendarMonths {

	private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

	private CalendarMonths() {
	}

	static List<MonthSpan> of(List<LocalDate> nights) {
		List<MonthSpan> months = new ArrayList<>();
		YearMonth current = null;
		int nightsInMonth = 0;
		for (LocalDate night : nights) {
			YearMonth month = YearMonth.from(night);
			if (!month.equals(current)) {
				if (current != null) {
					months.add(new MonthSpan(current, LABEL.format(current), nightsInMonth));
				}
				current = month;
				nightsInMonth = 0;
			}
			nightsInMonth++;
		}
		if (current != null) {
			months.add(new MonthSpan(current, LABEL.format(current), nightsInMonth));
		}
		return months;
	}

	/** A month of the range: its name and how many of the shown nights are in it. */
	record MonthSpan(YearMonth month, String label, int nights) {
	}

}

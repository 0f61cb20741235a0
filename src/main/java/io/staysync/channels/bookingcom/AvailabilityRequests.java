package io.staysync.channels.bookingcom;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.staysync.channels.AvailabilityWindow;
import io.staysync.channels.bookingcom.OtaWriter.AvailabilityRange;

/**
 * Cuts a window of nights of one room type into {@code OTA_HotelAvailNotif} requests as
 * Booking.com takes them: nothing before {@code today} (it refuses the past), at most one
 * month per request, and within it one inclusive range per run of nights that are all
 * open or all closed.
 */
final class AvailabilityRequests {

	private AvailabilityRequests() {
	}

	/**
	 * @return the ranges of each request, in date order; empty when the window is all in
	 * the past
	 */
	static List<List<AvailabilityRange>> of(String roomTypeCode, AvailabilityWindow window, LocalDate today) {
		LocalDate start = window.from().isBefore(today) ? today : window.from();
		List<List<AvailabilityRange>> requests = new ArrayList<>();
		for (LocalDate monthStart = start; monthStart.isBefore(window.to()); monthStart = monthStart.plusMonths(1)) {
			LocalDate monthEnd = earliest(monthStart.plusMonths(1), window.to());
			requests.add(ranges(roomTypeCode, window, monthStart, monthEnd));
		}
		return requests;
	}

	/** Runs of equal nights from {@code from} up to (not including) {@code to}. */
	private static List<AvailabilityRange> ranges(String roomTypeCode, AvailabilityWindow window, LocalDate from,
			LocalDate to) {
		List<AvailabilityRange> ranges = new ArrayList<>();
		LocalDate first = from;
		boolean closed = !window.open(from);
		for (LocalDate night = from.plusDays(1); night.isBefore(to); night = night.plusDays(1)) {
			boolean nightClosed = !window.open(night);
			if (nightClosed != closed) {
				ranges.add(new AvailabilityRange(roomTypeCode, first, night.minusDays(1), closed));
				first = night;
				closed = nightClosed;
			}
		}
		ranges.add(new AvailabilityRange(roomTypeCode, first, to.minusDays(1), closed));
		return ranges;
	}

	private static LocalDate earliest(LocalDate one, LocalDate other) {
		return one.isBefore(other) ? one : other;
	}

}

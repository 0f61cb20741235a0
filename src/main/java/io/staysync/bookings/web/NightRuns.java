package io.staysync.bookings.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import io.staysync.bookings.BookingSource;
import io.staysync.bookings.internal.NightGrid.Night;
import io.staysync.bookings.internal.NightGrid.NightState;

/**
 * The taken nights of one property as runs (a stay, a block, a clash) for the phone
 * layout, where a row of 30 cells cannot be read: a list says "12 Jan to 15 Jan, Airbnb".
 */
final class NightRuns {

	private NightRuns() {
	}

	static List<NightRun> of(List<Night> nights) {
		List<NightRun> runs = new ArrayList<>();
		Night first = null;
		Night previous = null;
		for (Night night : nights) {
			if (first != null && !sameRun(first, night)) {
				runs.add(NightRun.of(first, previous.date().plusDays(1)));
				first = null;
			}
			if (first == null && night.state() != NightState.FREE) {
				first = night;
			}
			previous = night;
		}
		if (first != null) {
			runs.add(NightRun.of(first, previous.date().plusDays(1)));
		}
		return runs;
	}

	private static boolean sameRun(Night first, Night night) {
		return first.state() == night.state() && Objects.equals(first.bookingId(), night.bookingId());
	}

	/** Nights from {@code from} to the day before {@code until} held by one booking. */
	record NightRun(NightState state, UUID bookingId, BookingSource source, LocalDate from, LocalDate until) {

		static NightRun of(Night first, LocalDate until) {
			return new NightRun(first.state(), first.bookingId(), first.source(), first.date(), until);
		}

		public long nights() {
			return until.toEpochDay() - from.toEpochDay();
		}

	}

}

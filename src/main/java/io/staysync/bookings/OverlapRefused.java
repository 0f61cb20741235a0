package io.staysync.bookings;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.staysync.common.ConflictException;

/**
 * A manual booking was refused because it would overlap other bookings of its property.
 * It carries those bookings, so that a caller can show them without reading them again;
 * the API answers 409 with their ids as {@code conflictingBookingIds}. The message is the
 * API's: other callers say it in their own words.
 */
public class OverlapRefused extends ConflictException {

	private final List<Overlap> overlapping;

	/**
	 * @param overlapping the bookings in the way, at least one, in the order of their
	 * stays
	 */
	public OverlapRefused(List<Overlap> overlapping) {
		super(describe(overlapping));
		this.overlapping = List.copyOf(overlapping);
		with("conflictingBookingIds", this.overlapping.stream().map(Overlap::id).toList());
	}

	/** The bookings the refused one would overlap, in the order of their stays. */
	public List<Overlap> overlapping() {
		return overlapping;
	}

	private static String describe(List<Overlap> overlapping) {
		if (overlapping.isEmpty()) {
			throw new IllegalArgumentException("An overlap needs at least one other booking");
		}
		Overlap first = overlapping.get(0);
		String who = first.guestName() == null ? first.kind().name().toLowerCase() : first.guestName();
		return "These nights are already taken by booking " + first.id() + " (" + first.source() + ", " + who + ", "
				+ first.checkIn() + " to " + first.checkOut() + ")"
				+ (overlapping.size() > 1 ? " and " + (overlapping.size() - 1) + " more" : "")
				+ ". Add force=true to store it anyway as a conflict.";
	}

	/**
	 * A booking in the way of the refused one.
	 *
	 * @param externalReference the channel's reference, to name a channel booking without
	 * a guest name
	 */
	public record Overlap(UUID id, BookingKind kind, BookingSource source, LocalDate checkIn, LocalDate checkOut,
			String guestName, String externalReference) {
	}

}

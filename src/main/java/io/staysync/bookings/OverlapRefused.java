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
		boolean onlyTentative = overlapping.stream().allMatch(Overlap::tentative);
		return "These nights are already taken by " + (first.tentative() ? "tentative booking " : "booking ")
				+ first.id() + " (" + first.source() + ", " + who + ", " + first.checkIn() + " to " + first.checkOut()
				+ ")" + (overlapping.size() > 1 ? " and " + (overlapping.size() - 1) + " more" : "")
				+ (onlyTentative
						? ". Add force=true to store it anyway; it becomes a conflict if the channel confirms the request."
						: ". Add force=true to store it anyway as a conflict.");
	}

	/**
	 * A booking in the way of the refused one.
	 *
	 * @param externalReference the channel's reference, to name a channel booking without
	 * a guest name
	 * @param status {@code CONFIRMED}, or {@code TENTATIVE} for a channel's request not
	 * yet accepted that holds its nights
	 */
	public record Overlap(UUID id, BookingKind kind, BookingSource source, LocalDate checkIn, LocalDate checkOut,
			String guestName, String externalReference, BookingStatus status) {

		/** Whether it is a channel's request not yet accepted. */
		public boolean tentative() {
			return status == BookingStatus.TENTATIVE;
		}

	}

}

package io.staysync.channels;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import io.staysync.bookings.ChannelBooking;

/**
 * What a channel reported for one listing.
 *
 * @param bookings the bookings as the channel reports them now (cancelled ones included)
 * @param presentExternalIds every key the channel listed, for finding the ones it no
 * longer lists
 * @param complete whether the answer is a full picture from {@code coveredFrom} up to
 * {@code coveredTo}: only then may a booking's absence count towards cancelling it
 * @param problem for {@code FAILED}, what went wrong in words a manager understands
 * @param unusable for {@code FETCHED}, the reported items that could not be read (an
 * unknown status, no dates), each said in words a manager understands: the rest is
 * applied, and the listing's outcome is an error naming them
 */
public record ListingChanges(Outcome outcome, List<ChannelBooking> bookings, Set<String> presentExternalIds,
		boolean complete, LocalDate coveredFrom, LocalDate coveredTo, SyncCursor cursor, String problem,
		List<String> unusable) {

	public ListingChanges {
		unusable = unusable == null ? List.of() : List.copyOf(unusable);
	}

	/** Everything the channel reported was readable. */
	public ListingChanges(Outcome outcome, List<ChannelBooking> bookings, Set<String> presentExternalIds,
			boolean complete, LocalDate coveredFrom, LocalDate coveredTo, SyncCursor cursor, String problem) {
		this(outcome, bookings, presentExternalIds, complete, coveredFrom, coveredTo, cursor, problem, List.of());
	}

	public enum Outcome {

		FETCHED, NOT_MODIFIED, FAILED

	}

	public static ListingChanges failed(String problem, SyncCursor cursor) {
		return new ListingChanges(Outcome.FAILED, List.of(), Set.of(), false, null, null, cursor, problem);
	}

	public static ListingChanges notModified(SyncCursor cursor) {
		return new ListingChanges(Outcome.NOT_MODIFIED, List.of(), Set.of(), false, null, null, cursor, null);
	}

}

package io.staysync.bookings;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The rule for channel bookings that vanish: a booking missing from
 * {@value #MISSES_BEFORE_CANCELLING} consecutive complete feeds of its listing is
 * cancelled, so one odd fetch never cancels a guest's stay; reappearing resets the count.
 * A sync only reports what each complete feed contained; this module counts the misses
 * and cancels. Both methods join the caller's transaction, so a listing rolled back
 * counts nothing.
 */
public interface FeedMisses {

	int MISSES_BEFORE_CANCELLING = 2;

	/**
	 * A complete feed of a listing, covering the stays from {@code from} until
	 * {@code to}, contained the bookings of these external ids. Those are missing no
	 * more; every booking the feed should have contained and did not is missing once
	 * more.
	 */
	Misses completeFeed(UUID integrationId, String externalListingId, Set<String> present, LocalDate from,
			LocalDate to);

	/**
	 * The channel answered that a listing's feed has not changed since the last complete
	 * one: each booking missing from that one is missing again, which counts as its next
	 * miss.
	 */
	Misses unchangedFeed(UUID integrationId, String externalListingId, LocalDate from, LocalDate to);

	/**
	 * What a feed's misses did.
	 *
	 * @param cancelled the bookings cancelled at this miss, as cancelling each did
	 * @param pending the external ids missing for the first time: cancelled if still
	 * missing next time
	 */
	record Misses(List<ImportOutcome> cancelled, List<String> pending) {

		public Misses {
			cancelled = List.copyOf(cancelled);
			pending = List.copyOf(pending);
		}

	}

}

package io.staysync.sync.internal;

import java.util.ArrayList;
import java.util.List;

import io.staysync.bookings.ChannelBooking;
import io.staysync.bookings.ImportOutcome;
import io.staysync.channels.ChannelListing;

/** Counts what applying a listing did, and keeps the notes worth showing to a manager. */
final class Tally {

	private int created;

	private int updated;

	private int cancelled;

	private int unchanged;

	private int conflicts;

	private boolean failed;

	private final List<String> notes = new ArrayList<>();

	void add(ChannelBooking booking, ImportOutcome outcome) {
		if (outcome == null) {
			return;
		}
		conflicts += outcome.conflictsDetected();
		switch (outcome.result()) {
			case CREATED -> created++;
			case UPDATED -> updated++;
			case CANCELLED -> cancelled++;
			case UNCHANGED -> unchanged++;
		}
	}

	void note(String note) {
		notes.add(note);
	}

	void skipped(String why) {
		notes.add("skipped " + why);
	}

	/**
	 * Something of the listing could not be applied: the listing's outcome is an error,
	 * with what was applied still counted.
	 */
	void failed(String why) {
		failed = true;
		notes.add(why);
	}

	void pendingCancellation(String externalId) {
		notes.add(externalId + " is missing from the feed; it will be cancelled if it is still missing next time");
	}

	ListingOutcome outcome(ChannelListing listing) {
		String message = notes.isEmpty() ? null : truncate(String.join("; ", notes));
		return new ListingOutcome(listing.externalListingId(), listing.propertyId(),
				failed ? ListingStatus.ERROR : ListingStatus.SUCCESS, created, updated, cancelled, unchanged, conflicts,
				message);
	}

	private static String truncate(String text) {
		return text.length() <= 2000 ? text : text.substring(0, 1999) + "…";
	}

}

package io.staysync.sync.internal;

import java.util.UUID;

/**
 * What a run did for one listing: {@code success}, {@code not_modified} (the feed had not
 * changed) or {@code error} with the reason. {@code channelRequestIds} are the channel's
 * ids of the requests it came from (Booking.com's RUIDs, space-separated), for the
 * channel's support; {@code null} for channels without them.
 */
public record ListingOutcome(String externalListingId, UUID propertyId, ListingStatus status, int bookingsCreated,
		int bookingsUpdated, int bookingsCancelled, int unchanged, int conflicts, String message,
		String channelRequestIds) {

	/** The listing ids and texts a channel sends may be longer than their columns. */
	static final int MAX_LISTING_ID = 255;

	static final int MAX_MESSAGE = 2000;

	/**
	 * Cut to what the columns hold, so that a hostile or broken peer (a listing id of 300
	 * characters) cannot keep the run from being recorded.
	 */
	public ListingOutcome {
		externalListingId = fit(externalListingId, MAX_LISTING_ID);
		message = fit(message, MAX_MESSAGE);
	}

	public ListingOutcome(String externalListingId, UUID propertyId, ListingStatus status, int bookingsCreated,
			int bookingsUpdated, int bookingsCancelled, int unchanged, int conflicts, String message) {
		this(externalListingId, propertyId, status, bookingsCreated, bookingsUpdated, bookingsCancelled, unchanged,
				conflicts, message, null);
	}

	static ListingOutcome failed(String listing, UUID property, String message) {
		return new ListingOutcome(listing, property, ListingStatus.ERROR, 0, 0, 0, 0, 0, message);
	}

	boolean failed() {
		return status == ListingStatus.ERROR;
	}

	/** The same outcome with the ids of the channel requests it came from. */
	ListingOutcome withRequestIds(String requestIds) {
		return new ListingOutcome(externalListingId, propertyId, status, bookingsCreated, bookingsUpdated,
				bookingsCancelled, unchanged, conflicts, message, requestIds);
	}

	/**
	 * The text itself, or its start and an ellipsis when it is longer than {@code max}.
	 */
	static String fit(String text, int max) {
		return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
	}

}

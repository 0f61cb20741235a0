package io.staysync.sync.internal;

import java.util.UUID;

import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.relational.core.mapping.Table;

/**
 * What a run did for one listing: {@code success}, {@code not_modified} (the feed had not
 * changed) or {@code error} with the reason. {@code channelRequestIds} are the channel's
 * ids of the requests it came from (Booking.com's RUIDs, space-separated), for the
 * channel's support; {@code null} for channels without them.
 */
@Table("sync_run_listings")
public record ListingOutcome(String externalListingId, UUID propertyId, ListingStatus status, int bookingsCreated,
		int bookingsUpdated, int bookingsCancelled, int unchanged, int conflicts, String message,
		String channelRequestIds) {

	@PersistenceCreator
	public ListingOutcome {
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

}

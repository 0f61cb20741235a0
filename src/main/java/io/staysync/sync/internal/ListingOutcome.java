package io.staysync.sync.internal;

import java.util.UUID;

import org.springframework.data.relational.core.mapping.Table;

/**
 * What a run did for one listing: {@code success}, {@code not_modified} (the feed had not
 * changed) or {@code error} with the reason.
 */
@Table("sync_run_listings")
public record ListingOutcome(String externalListingId, UUID propertyId, ListingStatus status, int bookingsCreated,
		int bookingsUpdated, int bookingsCancelled, int unchanged, int conflicts, String message) {

	static ListingOutcome failed(String listing, UUID property, String message) {
		return new ListingOutcome(listing, property, ListingStatus.ERROR, 0, 0, 0, 0, 0, message);
	}

	boolean failed() {
		return status == ListingStatus.ERROR;
	}

}

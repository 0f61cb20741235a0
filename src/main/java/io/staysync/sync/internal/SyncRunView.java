package io.staysync.sync.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Page;

import io.staysync.sync.SyncStatus;
import io.staysync.sync.SyncTrigger;

/**
 * A sync run as the API and the console show it, with one page of its per-listing
 * outcomes ({@code listings}) and where that page lies among them ({@code listingsPage}):
 * a run may have gone through tens of thousands of listings.
 */
public record SyncRunView(UUID id, UUID integrationId, SyncTrigger trigger, SyncStatus status, Instant startedAt,
		Instant completedAt, Long durationMillis, int bookingsCreated, int bookingsUpdated, int bookingsCancelled,
		int unchanged, int conflicts, String errorMessage, List<ListingOutcome> listings, ListingsPage listingsPage) {

	/** A run without its outcomes (one just started has none yet). */
	public static SyncRunView of(SyncRun run) {
		return of(run, Page.empty(), 0, false);
	}

	static SyncRunView of(SyncRun run, Page<ListingOutcome> listings, long failed, boolean failuresFirst) {
		Long duration = run.completedAt() == null ? null
				: Duration.between(run.startedAt(), run.completedAt()).toMillis();
		return new SyncRunView(run.id(), run.integrationId(), run.trigger(), run.status(), run.startedAt(),
				run.completedAt(), duration, run.created(), run.updated(), run.cancelled(), run.unchanged(),
				run.conflicts(), run.errorMessage(), listings.getContent(),
				new ListingsPage(listings.getNumber(), listings.getSize(), listings.getTotalElements(),
						listings.getTotalPages(), failed, failuresFirst));
	}

	/**
	 * Which outcomes {@code listings} holds: page {@code page} of {@code totalPages} of
	 * {@code size} each, out of {@code totalElements} listings of which {@code failed}
	 * failed; in the order the run met them, or failures first.
	 */
	public record ListingsPage(int page, int size, long totalElements, int totalPages, long failed,
			boolean failuresFirst) {

		public boolean hasNext() {
			return page + 1 < totalPages;
		}

		public boolean hasPrevious() {
			return page > 0;
		}

	}

}

package io.staysync.sync.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.staysync.sync.SyncStatus;
import io.staysync.sync.SyncTrigger;

/** A sync run as the API and the console show it, with its per-listing outcomes. */
public record SyncRunView(UUID id, UUID integrationId, SyncTrigger trigger, SyncStatus status, Instant startedAt,
		Instant completedAt, Long durationMillis, int bookingsCreated, int bookingsUpdated, int bookingsCancelled,
		int unchanged, int conflicts, String errorMessage, List<ListingOutcome> listings) {

	public static SyncRunView of(SyncRun run) {
		Long duration = run.completedAt() == null ? null
				: Duration.between(run.startedAt(), run.completedAt()).toMillis();
		return new SyncRunView(run.id(), run.integrationId(), run.trigger(), run.status(), run.startedAt(),
				run.completedAt(), duration, run.created(), run.updated(), run.cancelled(), run.unchanged(),
				run.conflicts(), run.errorMessage(), run.listings());
	}

}

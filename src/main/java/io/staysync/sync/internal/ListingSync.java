package io.staysync.sync.internal;

import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.TransactionTemplate;

import io.staysync.bookings.BookingImport;
import io.staysync.bookings.BookingImport.Applied;
import io.staysync.bookings.FeedMisses;
import io.staysync.bookings.FeedMisses.Misses;
import io.staysync.channels.ChannelConnector;
import io.staysync.channels.ChannelCredentials;
import io.staysync.channels.ChannelListing;
import io.staysync.channels.ListingChanges;
import io.staysync.channels.SyncCursor;
import io.staysync.common.TimeLimit;
import io.staysync.common.TimeLimit.TimeLimitExceeded;

/**
 * Syncs one listing: fetch outside any transaction, then apply everything the channel
 * reported in one transaction. A failed fetch, or a failure while applying, rolls the
 * listing back and cancels nothing; the cursor only moves when the listing was applied.
 * The fetch (and the reading of what it brought) runs on a {@link ListingWorkers} thread
 * within the listing's time limit: past it the listing fails with a message saying so,
 * and the run goes on. Several listings of a run are synced at once
 * ({@link ConcurrentListings}); their transactions wait for one of the
 * {@link ApplySlots}, so that they never take the whole database pool.
 */
@Component
class ListingSync {

	private static final Logger log = LoggerFactory.getLogger(ListingSync.class);

	private final BookingImport imports;

	private final SyncCursors cursors;

	private final FeedMisses missing;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final ListingWorkers workers;

	private final ApplySlots slots;

	ListingSync(BookingImport imports, SyncCursors cursors, FeedMisses missing, TransactionTemplate transactions,
			Clock clock, ListingWorkers workers, ApplySlots slots) {
		this.slots = slots;
		this.clock = clock;
		this.workers = workers;
		this.imports = imports;
		this.cursors = cursors;
		this.missing = missing;
		this.transactions = transactions;
	}

	/**
	 * Syncs one listing; safe to call for several listings of a run at once.
	 * @param cursor where the listing's last applied fetch left off
	 * ({@link SyncCursors#all}, read once for the run)
	 */
	ListingOutcome sync(ChannelConnector connector, ChannelCredentials credentials, ChannelListing listing,
			SyncCursor cursor, RunBudget budget) {
		UUID integration = credentials.integrationId();
		String id = listing.externalListingId();
		TimeLimit limit = budget.forListing();
		ListingChanges changes;
		try {
			changes = workers.within(limit, () -> connector.fetchChanges(credentials, listing, cursor, limit));
		}
		catch (TimeoutException | TimeLimitExceeded outOfTime) {
			log.warn("Listing {} of integration {} was stopped after {}", id, integration,
					TimeLimit.words(limit.total()));
			return ListingOutcome.failed(id, listing.propertyId(), budget.exceeded(limit));
		}
		catch (CancellationException stopping) {
			return stopped(listing, "being fetched");
		}
		catch (RuntimeException connectorBug) {
			log.error("Connector failed on listing {} of integration {}", id, integration, connectorBug);
			return ListingOutcome.failed(id, listing.propertyId(),
					"The fetch failed unexpectedly; see the server log.");
		}
		try {
			return switch (changes.outcome()) {
				// the connector noticed the limit a moment before the run did
				case FAILED -> ListingOutcome.failed(id, listing.propertyId(),
						limit.passed() ? budget.exceeded(limit) : changes.problem());
				case NOT_MODIFIED -> slots.store(() -> confirmPending(integration, listing, changes));
				case FETCHED -> slots.store(() -> apply(integration, listing, changes));
			};
		}
		catch (CancellationException stopping) {
			return stopped(listing, "waiting to be stored");
		}
	}

	private static ListingOutcome stopped(ChannelListing listing, String during) {
		return ListingOutcome.failed(listing.externalListingId(), listing.propertyId(), "The sync was stopped while "
				+ "this listing was " + during + " (the instance is shutting down); nothing of it changed.");
	}

	private ListingOutcome apply(UUID integration, ChannelListing listing, ListingChanges changes) {
		try {
			return transactions.execute(status -> {
				Tally tally = new Tally();
				for (Applied applied : imports.applyAll(changes.bookings())) {
					if (applied.refusal() != null) {
						tally.skipped(applied.booking().externalId() + ": " + applied.refusal());
					}
					tally.add(applied.booking(), applied.outcome());
				}
				changes.unusable().forEach(tally::failed);
				if (changes.complete()) {
					cancelMissing(integration, listing, changes, tally);
				}
				else {
					tally.note("the feed was empty or partial, so no booking was cancelled");
				}
				cursors.save(integration, listing.externalListingId(),
						changes.cursor() == null ? SyncCursor.none() : changes.cursor());
				return tally.outcome(listing);
			});
		}
		catch (RuntimeException failed) {
			log.warn("Applying listing {} of integration {} failed and was rolled back", listing.externalListingId(),
					integration, failed);
			String why = lostConnection(failed) ? "the connection to the database was lost while storing them"
					: failed.getClass().getSimpleName();
			return ListingOutcome.failed(listing.externalListingId(), listing.propertyId(),
					"The bookings could not be stored and nothing of this listing was changed (" + why
							+ "); the next sync tries again.");
		}
	}

	/**
	 * "Not modified" is the channel confirming the content of the last complete fetch: a
	 * booking already missing from it is missing again, which counts as its next miss.
	 */
	private ListingOutcome confirmPending(UUID integration, ChannelListing listing, ListingChanges changes) {
		return transactions.execute(status -> {
			Tally tally = new Tally();
			LocalDate today = LocalDate.now(clock.withZone(listing.timeZone()));
			Misses misses = missing.unchangedFeed(integration, listing.externalListingId(), today, today.plusYears(10));
			misses.cancelled().forEach(cancelled -> tally.add(null, cancelled));
			ListingOutcome outcome = tally.outcome(listing);
			return new ListingOutcome(outcome.externalListingId(), outcome.propertyId(), ListingStatus.NOT_MODIFIED, 0,
					0, outcome.bookingsCancelled(), 0, 0, "Unchanged since the last fetch.");
		});
	}

	private void cancelMissing(UUID integration, ChannelListing listing, ListingChanges changes, Tally tally) {
		Misses misses = missing.completeFeed(integration, listing.externalListingId(), changes.presentExternalIds(),
				changes.coveredFrom(), changes.coveredTo());
		misses.cancelled().forEach(cancelled -> tally.add(null, cancelled));
		misses.pending().forEach(tally::pendingCancellation);
	}

	/**
	 * SQLState class 08 (connection exception) or 57P (the server ended the session), in
	 * the failure or, when the rollback failed too, in the failure the rollback hid.
	 */
	static boolean lostConnection(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && sql.getSQLState() != null
					&& (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
				return true;
			}
			if (cause instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
					&& lostConnection(rollback.getApplicationException())) {
				return true;
			}
		}
		return false;
	}

}

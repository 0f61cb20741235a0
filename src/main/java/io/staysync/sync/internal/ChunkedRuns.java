package io.staysync.sync.internal;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.MeterRegistry;
import io.staysync.channels.ChannelConnector;
import io.staysync.channels.ChannelConnectors;
import io.staysync.channels.ChannelCredentials;
import io.staysync.channels.ChannelListing;
import io.staysync.channels.SyncCursor;
import io.staysync.integrations.ChannelAccount;
import io.staysync.integrations.ChannelAccounts;
import io.staysync.sync.internal.RunChunks.Chunk;

/**
 * A big run shared by the cluster: a run of more listings than
 * {@code staysync.sync.chunk-size} is split into chunks (slices of its mapping order),
 * which the instance that started it and every other instance claim ({@link RunChunks})
 * and sync with {@link ConcurrentListings}. A chunk's outcomes are stored in the
 * transaction that marks it done, at the run's positions; whoever marks the last chunk
 * done finishes the run from the stored totals and records it on the integration, in the
 * same transaction, once. A chunk whose instance died is claimed again: its listings are
 * synced again, which changes nothing that was committed (a listing's cursor is saved
 * with its changes).
 * <p>
 * An instance works on one chunk at a time: the thread that started a run and the poller
 * take turns ({@link #working}), so the per-run bounds of
 * {@code staysync.sync.listing-concurrency} and {@code per-host-concurrency} hold per
 * instance, not twice over.
 */
@Component
class ChunkedRuns {

	private static final Logger log = LoggerFactory.getLogger(ChunkedRuns.class);

	/** A chunk claimed this many times without finishing fails instead of a next try. */
	static final int MOST_CLAIMS = 3;

	private final String instance = ManagementFactory.getRuntimeMXBean().getName() + "/"
			+ UUID.randomUUID().toString().substring(0, 8);

	private final RunChunks chunks;

	private final ChunkHeartbeats heartbeats;

	private final RunOutcomes outcomes;

	private final SyncRunRepository runs;

	private final ChannelAccounts accounts;

	private final ChannelConnectors connectors;

	private final ListingSync listings;

	private final ConcurrentListings concurrently;

	private final SyncCursors cursors;

	private final RunProgress progress;

	private final SyncSettings settings;

	private final ChunkSettings chunking;

	private final SyncMetrics metrics;

	private final MeterRegistry registry;

	private final TransactionTemplate transactions;

	private final Clock clock;

	/**
	 * Held while this instance works on chunks: whoever holds it claims chunks one after
	 * another while there are, the other waits (the run's starter) or leaves it to them
	 * (the poller).
	 */
	private final ReentrantLock working = new ReentrantLock();

	ChunkedRuns(RunChunks chunks, ChunkHeartbeats heartbeats, RunOutcomes outcomes, SyncRunRepository runs,
			ChannelAccounts accounts, ChannelConnectors connectors, ListingSync listings,
			ConcurrentListings concurrently, SyncCursors cursors, RunProgress progress, SyncSettings settings,
			ChunkSettings chunking, SyncMetrics metrics, MeterRegistry registry, TransactionTemplate transactions,
			Clock clock) {
		this.chunks = chunks;
		this.heartbeats = heartbeats;
		this.outcomes = outcomes;
		this.runs = runs;
		this.accounts = accounts;
		this.connectors = connectors;
		this.listings = listings;
		this.concurrently = concurrently;
		this.cursors = cursors;
		this.progress = progress;
		this.settings = settings;
		this.chunking = chunking;
		this.metrics = metrics;
		this.registry = registry;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** Whether a run of this many listings is shared by the cluster. */
	boolean splits(int listingCount) {
		return listingCount > chunking.chunkSize();
	}

	/**
	 * Splits the run into chunks after the outcomes it already has (what notifications
	 * asked to read again, stored first), then works on them until none is left to claim.
	 * The run is finished by whoever completes its last chunk.
	 */
	void start(SyncRun run, List<ChannelListing> mapped, List<ListingOutcome> before, RunBudget budget) {
		List<List<String>> slices = new ArrayList<>();
		for (int from = 0; from < mapped.size(); from += chunking.chunkSize()) {
			slices.add(mapped.subList(from, Math.min(mapped.size(), from + chunking.chunkSize()))
				.stream()
				.map(ChannelListing::externalListingId)
				.toList());
		}
		transactions.executeWithoutResult(status -> {
			outcomes.append(run.id(), 0, before);
			chunks.create(run.id(), slices, before.size(), budget.endsAt());
		});
		log.info("Sync run {} of {} listings was split into {} chunks of at most {} for the cluster", run.id(),
				mapped.size(), slices.size(), chunking.chunkSize());
		try {
			// the poller may be working on a chunk (of this run or another): its turn
			// first
			working.lockInterruptibly();
		}
		catch (InterruptedException stopping) {
			// the chunks stay open for the instances that go on
			Thread.currentThread().interrupt();
			return;
		}
		try {
			workOn(run.id());
		}
		finally {
			working.unlock();
		}
	}

	/**
	 * The poller's turn: claims and syncs chunks of any run while there are, unless this
	 * instance is already working on one (its starter then claims them).
	 */
	void workOnAnyIfIdle() {
		if (!working.tryLock()) {
			return;
		}
		try {
			workOn(null);
		}
		finally {
			working.unlock();
		}
	}

	/** Claims and syncs chunks of one run ({@code null}: of any run) while there are. */
	private void workOn(UUID runId) {
		while (!Thread.currentThread().isInterrupted()) {
			Optional<Chunk> claimed = transactions
				.execute(status -> chunks.claim(runId, instance, settings.staleAfter()));
			if (claimed == null || claimed.isEmpty()) {
				return;
			}
			work(claimed.get());
		}
	}

	private void work(Chunk chunk) {
		heartbeats.hold(chunk);
		try {
			List<ListingOutcome> done = sync(chunk);
			if (Thread.currentThread().isInterrupted()) {
				// Stopping: what committed stays; another instance syncs the chunk again.
				chunks.release(chunk);
				return;
			}
			complete(chunk, done);
		}
		finally {
			heartbeats.let(chunk);
		}
	}

	private List<ListingOutcome> sync(Chunk chunk) {
		if (chunk.claims() > MOST_CLAIMS) {
			return failAll(chunk, "Not synced: the instances syncing this part of the run stopped " + MOST_CLAIMS
					+ " times before finishing it; nothing of it that was not stored changed. The next sync tries"
					+ " again.");
		}
		try {
			return syncListings(chunk);
		}
		catch (RuntimeException unexpected) {
			log.error("Chunk {} of sync run {} failed unexpectedly", chunk.number(), chunk.runId(), unexpected);
			return failAll(chunk,
					"The sync stopped on an unexpected error; see the server log. Nothing half-applied" + " was kept.");
		}
	}

	private List<ListingOutcome> syncListings(Chunk chunk) {
		SyncRun run = runs.findById(chunk.runId()).orElseThrow();
		ChannelAccount account = accounts.find(run.integrationId()).orElseThrow();
		Optional<ChannelConnector> connector = connectors.find(account.type(), account.mode());
		if (connector.isEmpty()) {
			return failAll(chunk, "Syncing " + account.type().path() + " in " + account.mode()
					+ " mode is not available on this instance.");
		}
		ChannelCredentials credentials = accounts.credentials(account.id());
		Map<String, ChannelListing> mapped = credentials.listings()
			.stream()
			.collect(Collectors.toMap(ChannelListing::externalListingId, Function.identity(), (a, b) -> a));
		List<ChannelListing> slice = chunk.listingIds().stream().map(mapped::get).toList();
		List<ChannelListing> present = slice.stream().filter(listing -> listing != null).toList();
		Map<String, SyncCursor> known = cursors.of(credentials.integrationId(), chunk.listingIds());
		RunBudget budget = RunBudget.until(chunk.budgetEndsAt(), settings);
		List<ListingOutcome> synced = concurrently.sync(present, account.type().path(), budget,
				listing -> listings.sync(connector.get(), credentials, listing,
						known.getOrDefault(listing.externalListingId(), SyncCursor.none()), budget),
				() -> progress.advanced(chunk));
		List<ListingOutcome> result = new ArrayList<>(slice.size());
		int next = 0;
		for (int i = 0; i < slice.size(); i++) {
			if (slice.get(i) == null) {
				progress.advanced(chunk);
				result.add(ListingOutcome.failed(chunk.listingIds().get(i), null,
						"Not synced: this listing was unmapped while the sync was under way; nothing of it changed."));
			}
			else {
				result.add(synced.get(next++));
			}
		}
		return result;
	}

	private List<ListingOutcome> failAll(Chunk chunk, String message) {
		return chunk.listingIds().stream().map(id -> ListingOutcome.failed(id, null, message)).toList();
	}

	/**
	 * Stores the chunk's outcomes if this claim still holds it, and finishes the run if
	 * it was the last: the run's row is locked first, so of two chunks completing at once
	 * only the later sees none left.
	 */
	private void complete(Chunk chunk, List<ListingOutcome> done) {
		SyncRun finished = transactions.execute(status -> {
			chunks.lockRun(chunk.runId());
			if (!chunks.markDone(chunk)) {
				log.warn("Chunk {} of sync run {} was claimed by another instance meanwhile; its outcomes are theirs",
						chunk.number(), chunk.runId());
				return null;
			}
			outcomes.append(chunk.runId(), chunk.firstPosition(), done);
			progress.chunkDone(chunk);
			registry.counter("staysync.sync.chunks", "outcome", "completed").increment();
			if (chunks.unfinished(chunk.runId()) > 0) {
				return null;
			}
			return finish(chunk.runId());
		});
		if (finished != null) {
			accounts.find(finished.integrationId()).ifPresent(account -> metrics.recordRun(account.type(), finished));
			log.info(
					"Sync run {} of integration {} ended {} across the cluster: {} created, {} updated, {} cancelled,"
							+ " {} unchanged",
					finished.id(), finished.integrationId(), finished.status(), finished.created(), finished.updated(),
					finished.cancelled(), finished.unchanged());
		}
	}

	private SyncRun finish(UUID runId) {
		chunks.delete(runId);
		SyncRun run = runs.findById(runId).orElseThrow();
		if (run.completedAt() != null) {
			// closed as abandoned meanwhile: its outcomes are kept, its end stays
			return null;
		}
		run.finishCounted(outcomes.totals(runId), clock.instant());
		accounts.recordSync(run.integrationId(), run.completedAt(), run.outcome(), run.errorMessage(),
				run.reachedChannel());
		return runs.save(run);
	}

}

package io.staysync.sync.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.staysync.channels.ChannelConnector;
import io.staysync.channels.ChannelConnectors;
import io.staysync.channels.ChannelCredentials;
import io.staysync.channels.SyncCursor;
import io.staysync.integrations.ChannelAccount;
import io.staysync.integrations.ChannelAccounts;
import io.staysync.security.vault.VaultException;

/**
 * Carries out one run: every mapped listing through the connector, several at a time
 * ({@link ConcurrentListings}), one failing listing never stopping the others (or, for a
 * channel that delivers messages, one pull for all of them); then the run and the
 * integration record the outcome, listing by listing in mapping order. Each listing has a
 * time budget, and so has the run ({@link RunBudget}): a listing over its budget fails
 * alone, and the listings a run over its budget did not reach fail saying so, changing
 * nothing.
 */
@Component
class SyncRunner {

	private static final Logger log = LoggerFactory.getLogger(SyncRunner.class);

	private final SyncRunRepository runs;

	private final ChannelAccounts accounts;

	private final ChannelConnectors connectors;

	private final ListingSync listings;

	private final MessageSync messages;

	private final Clock clock;

	private final SyncMetrics metrics;

	private final RunHeartbeats heartbeats;

	private final RunProgress progress;

	private final RecheckSync rechecks;

	private final SyncSettings settings;

	private final ConcurrentListings concurrently;

	private final SyncCursors cursors;

	private final ChunkedRuns chunked;

	SyncRunner(SyncRunRepository runs, ChannelAccounts accounts, ChannelConnectors connectors, ListingSync listings,
			MessageSync messages, Clock clock, SyncMetrics metrics, RunHeartbeats heartbeats, RunProgress progress,
			RecheckSync rechecks, SyncSettings settings, ConcurrentListings concurrently, SyncCursors cursors,
			ChunkedRuns chunked) {
		this.chunked = chunked;
		this.concurrently = concurrently;
		this.cursors = cursors;
		this.rechecks = rechecks;
		this.settings = settings;
		this.heartbeats = heartbeats;
		this.progress = progress;
		this.metrics = metrics;
		this.runs = runs;
		this.accounts = accounts;
		this.connectors = connectors;
		this.listings = listings;
		this.messages = messages;
		this.clock = clock;
	}

	/**
	 * Executes the run with its heartbeat going. Only a dying worker (an {@link Error})
	 * skips recording the outcome: the run then stays {@code running} until its stopped
	 * heartbeat gets it closed, exactly as when the whole instance dies.
	 */
	void run(UUID runId) {
		run(runId, Scope.FULL);
	}

	/**
	 * @param scope everything the integration has mapped (and what waits to be read
	 * again), or only what notifications asked to read again
	 */
	void run(UUID runId, Scope scope) {
		heartbeats.start(runId);
		try {
			runAndRecord(runs.findById(runId).orElseThrow(), scope);
		}
		finally {
			heartbeats.stop(runId);
		}
	}

	/**
	 * What a run covers: every mapped listing (scheduled, manual and signed-webhook
	 * runs), or only what notifications asked to read again.
	 */
	enum Scope {

		FULL, RECHECKS

	}

	private void runAndRecord(SyncRun run, Scope scope) {
		try {
			if (execute(run, scope) == Ending.BY_CHUNKS) {
				return;
			}
		}
		catch (RuntimeException unexpected) {
			log.error("Sync run {} failed unexpectedly", run.id(), unexpected);
			run.fail("The sync stopped on an unexpected error; see the server log. Nothing half-applied was kept.",
					clock.instant());
		}
		// Only while the run still holds its claim: a run closed as abandoned meanwhile,
		// and maybe replaced, records nothing. The integration first: whoever sees the
		// run ended also sees the integration's new status. A run that found nothing to
		// read again did not sync anything.
		try {
			heartbeats.endWhileClaimed(run.id(), () -> {
				if (!run.nothingDone()) {
					recordOnIntegration(run);
				}
				runs.save(run);
			});
		}
		catch (RunHeartbeats.ClaimLostException closedMeanwhile) {
			log.warn("Sync run {} was closed as abandoned while it was still going; it ended {} after all, and"
					+ " records nothing over the run that took over", run.id(), run.status());
			return;
		}
		accounts.find(run.integrationId()).ifPresent(account -> metrics.recordRun(account.type(), run));
		log.info("Sync run {} of integration {} ended {}: {} created, {} updated, {} cancelled, {} unchanged", run.id(),
				run.integrationId(), run.status(), run.created(), run.updated(), run.cancelled(), run.unchanged());
	}

	private void recordOnIntegration(SyncRun run) {
		accounts.recordSync(run.integrationId(), run.completedAt(), run.outcome(), run.errorMessage(),
				run.reachedChannel());
	}

	/**
	 * Who ends a run: its runner, or (a run shared by the cluster) whoever completes its
	 * last chunk.
	 */
	private enum Ending {

		HERE, BY_CHUNKS

	}

	private Ending execute(SyncRun run, Scope scope) {
		ChannelAccount account = accounts.find(run.integrationId()).orElseThrow();
		Optional<ChannelConnector> connector = connectors.find(account.type(), account.mode());
		if (connector.isEmpty()) {
			run.fail("Syncing " + account.type().path() + " in " + account.mode() + " mode is not available yet: this"
					+ " version has no connector for it.", clock.instant());
			return Ending.HERE;
		}
		ChannelCredentials credentials;
		try {
			credentials = accounts.credentials(account.id());
		}
		catch (VaultException unreadable) {
			run.fail("The stored credentials cannot be decrypted (" + unreadable.getMessage()
					+ "). Enter them again, or restore the keyring they were saved with.", clock.instant());
			return Ending.HERE;
		}
		// What notifications asked to read again comes first: it is what changed.
		List<ListingOutcome> outcomes = new ArrayList<>(rechecks.sync(run.id(), connector.get(), credentials));
		if (scope == Scope.RECHECKS) {
			run.finishRechecks(outcomes, clock.instant());
			return Ending.HERE;
		}
		if (connector.get().pullsMessages()) {
			// One pull feeds every listing: progress is that pull and what it applied.
			progress.started(run.id(), 1);
			outcomes.addAll(messages.sync(connector.get(), credentials));
			progress.advanced(run.id());
			run.finish(outcomes, clock.instant());
			return Ending.HERE;
		}
		progress.started(run.id(), credentials.listings().size());
		RunBudget budget = RunBudget.start(settings);
		if (chunked.splits(credentials.listings().size())) {
			chunked.start(run, credentials.listings(), outcomes, budget);
			return Ending.BY_CHUNKS;
		}
		Map<String, SyncCursor> cursors = this.cursors.all(credentials.integrationId());
		outcomes.addAll(concurrently.sync(credentials.listings(), account.type().path(), budget,
				listing -> listings.sync(connector.get(), credentials, listing,
						cursors.getOrDefault(listing.externalListingId(), SyncCursor.none()), budget),
				() -> progress.advanced(run.id())));
		run.finish(outcomes, clock.instant());
		return Ending.HERE;
	}

}

package io.staysync.sync.internal;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import io.staysync.audit.AuditLog;
import io.staysync.channels.ChannelType;
import io.staysync.common.ConflictException;
import io.staysync.integrations.ChannelAccount;
import io.staysync.integrations.ChannelAccounts;
import io.staysync.sync.Recheck;
import io.staysync.sync.SyncRequests;
import io.staysync.sync.internal.SyncRunner.Scope;
import io.staysync.sync.SyncStatus;
import io.staysync.sync.SyncTrigger;

/**
 * Starts sync runs: at most one per integration at a time (a second request gets the
 * running one back), executed in the background after the run's row is committed.
 */
@Service
public class SyncLauncher implements SyncRequests {

	private static final Logger log = LoggerFactory.getLogger(SyncLauncher.class);

	private final SyncRunRepository runs;

	private final ChannelAccounts accounts;

	private final SyncRunner runner;

	private final TaskExecutor executor;

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Clock clock;

	private final TransactionTemplate transactions;

	private final FailingChannelBreaker breaker;

	private final StaleSyncRuns staleRuns;

	private final RunHeartbeats heartbeats;

	private final ChannelRechecks rechecks;

	SyncLauncher(SyncRunRepository runs, ChannelAccounts accounts, SyncRunner runner,
			@Qualifier("applicationTaskExecutor") TaskExecutor executor, JdbcClient jdbc, AuditLog audit, Clock clock,
			TransactionTemplate transactions, FailingChannelBreaker breaker, StaleSyncRuns staleRuns,
			RunHeartbeats heartbeats, ChannelRechecks rechecks) {
		this.rechecks = rechecks;
		this.staleRuns = staleRuns;
		this.heartbeats = heartbeats;
		this.transactions = transactions;
		this.breaker = breaker;
		this.runs = runs;
		this.accounts = accounts;
		this.runner = runner;
		this.executor = executor;
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Maps the listings given (if any), then starts a run, or returns the one already
	 * running.
	 */
	@Transactional
	public Launched start(ChannelType type, SyncTrigger trigger, Map<String, UUID> propertyMapping) {
		return start(type, trigger, propertyMapping, Scope.FULL);
	}

	private Launched start(ChannelType type, SyncTrigger trigger, Map<String, UUID> propertyMapping, Scope scope) {
		if (propertyMapping != null && !propertyMapping.isEmpty()) {
			accounts.mapListings(type, propertyMapping);
		}
		ChannelAccount account = accounts.find(type)
			.orElseThrow(() -> new ConflictException(
					"The " + type.path() + " integration is not configured yet; configure it before syncing."));
		if (!account.active()) {
			throw new ConflictException("The " + type.path() + " integration is inactive; activate it to sync.");
		}
		Launched launched = claim(account, trigger);
		if (!launched.started()) {
			return launched;
		}
		SyncRun run = launched.run();
		if (trigger == SyncTrigger.MANUAL) {
			audit.record("sync.started", "integration:" + type.path(), Map.of("syncRunId", run.id().toString()));
		}
		UUID runId = run.id();
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				executor.execute(() -> runAndFollowUp(runId, scope));
			}
		});
		return new Launched(run, true);
	}

	@Override
	@Transactional
	public UUID request(ChannelType type, SyncTrigger trigger) {
		return start(type, trigger, null).run().id();
	}

	/**
	 * Stores what to read again, then starts a webhook run reading only that; a run
	 * already going leaves it to the run that follows it ({@link #runAndFollowUp}).
	 */
	@Override
	@Transactional
	public UUID recheck(ChannelType type, Recheck recheck) {
		ChannelAccount account = accounts.find(type)
			.orElseThrow(() -> new ConflictException(
					"The " + type.path() + " integration is not configured yet; configure it before syncing."));
		rechecks.request(account.id(), recheck);
		if (!account.active()) {
			return null;
		}
		return start(type, SyncTrigger.WEBHOOK, null, Scope.RECHECKS).run().id();
	}

	/**
	 * Carries out the run, then starts one more for what notifications asked to read
	 * again while it went (and it did not read).
	 */
	private void runAndFollowUp(UUID runId, Scope scope) {
		runner.run(runId, scope);
		followUp(runId);
	}

	private void followUp(UUID runId) {
		try {
			SyncRun done = runs.findById(runId).orElse(null);
			if (done == null || !rechecks.requestedSince(done.integrationId(), done.startedAt())) {
				return;
			}
			accounts.find(done.integrationId())
				.filter(ChannelAccount::active)
				.ifPresent(account -> transactions
					.executeWithoutResult(status -> start(account.type(), SyncTrigger.WEBHOOK, null, Scope.RECHECKS)));
		}
		catch (RuntimeException failed) {
			// What waits is read by the next scheduled run anyway.
			log.warn("Could not start a run for what waits to be read again after run {}", runId, failed);
		}
	}

	/**
	 * Runs a sync in the calling thread (the scheduler's), unless one is already running.
	 * @return whether a run was carried out
	 */
	public boolean runNow(ChannelType type, SyncTrigger trigger) {
		ChannelAccount account = accounts.find(type).orElse(null);
		if (account != null && trigger == SyncTrigger.SCHEDULED) {
			java.util.Optional<java.time.Instant> paused = breaker.pausedUntil(account.id());
			if (paused.isPresent()) {
				accounts.notePause(account.id(),
						"Scheduled syncs are paused until " + paused.get() + " because the last "
								+ FailingChannelBreaker.FAILURES_TO_OPEN
								+ " runs failed. Fix the cause, then sync by hand to resume at once.");
				return false;
			}
		}
		Launched launched = transactions.execute(status -> startWithoutExecuting(type, trigger));
		if (launched == null || !launched.started()) {
			return false;
		}
		runAndFollowUp(launched.run().id(), Scope.FULL);
		return true;
	}

	private Launched startWithoutExecuting(ChannelType type, SyncTrigger trigger) {
		ChannelAccount account = accounts.find(type).orElse(null);
		return account == null || !account.active() ? null : claim(account, trigger);
	}

	/**
	 * With the integration's slot locked: the run already going, or a new one (closing
	 * first a run whose heartbeat stopped, as abandoned).
	 */
	private Launched claim(ChannelAccount account, SyncTrigger trigger) {
		lockSlot(account.id());
		SyncRun running = runs.findFirstByIntegrationIdAndStatus(account.id(), SyncStatus.RUNNING).orElse(null);
		if (running != null && !staleRuns.stale(running)) {
			return new Launched(running, false);
		}
		if (running != null) {
			staleRuns.abandon(running);
		}
		SyncRun run = runs.save(SyncRun.start(account.id(), trigger, clock.instant()));
		heartbeats.first(run.id());
		return new Launched(run, true);
	}

	/**
	 * Serialises starts for one integration across requests (and instances sharing the
	 * database).
	 */
	private void lockSlot(UUID integrationId) {
		jdbc.sql("insert into sync_slots (integration_id) values (:i) on conflict do nothing")
			.param("i", integrationId)
			.update();
		jdbc.sql("select integration_id from sync_slots where integration_id = :i for update")
			.param("i", integrationId)
			.query(UUID.class)
			.single();
	}

	/** A run and whether this request started it. */
	public record Launched(SyncRun run, boolean started) {
	}

}

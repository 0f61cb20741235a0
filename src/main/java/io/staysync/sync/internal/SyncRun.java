package io.staysync.sync.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Transient;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

import io.staysync.integrations.SyncOutcome;
import io.staysync.sync.SyncStatus;
import io.staysync.sync.SyncTrigger;

/**
 * One attempt to sync an integration, from start to its outcome. Its per-listing outcomes
 * are not part of the aggregate: a run of 30,000 listings would make every save rewrite
 * them all. {@link #finish} keeps them until the run is saved, when {@link RunOutcomes}
 * inserts them in batches; they are read back a page at a time.
 */
@Table("sync_runs")
public class SyncRun {

	@Id
	private final UUID id;

	private final UUID integrationId;

	private final SyncTrigger trigger;

	private SyncStatus status;

	private final Instant startedAt;

	private Instant completedAt;

	@Column("bookings_created")
	private int created;

	@Column("bookings_updated")
	private int updated;

	@Column("bookings_cancelled")
	private int cancelled;

	private int unchanged;

	private int conflicts;

	private String errorMessage;

	/**
	 * The outcomes of {@link #finish}, until the save that writes them in batches beside
	 * the run ({@link RunOutcomes}); a run read back holds none.
	 */
	@Transient
	private List<ListingOutcome> listings = new ArrayList<>();

	@Transient
	private boolean listingsWritten;

	/** Whether a run finished from its totals reached the channel at all. */
	@Transient
	private boolean reached;

	@Version
	private Long version;

	@PersistenceCreator
	SyncRun(UUID id, UUID integrationId, SyncTrigger trigger, SyncStatus status, Instant startedAt, Instant completedAt,
			int created, int updated, int cancelled, int unchanged, int conflicts, String errorMessage, Long version) {
		this.id = id;
		this.integrationId = integrationId;
		this.trigger = trigger;
		this.status = status;
		this.startedAt = startedAt;
		this.completedAt = completedAt;
		this.created = created;
		this.updated = updated;
		this.cancelled = cancelled;
		this.unchanged = unchanged;
		this.conflicts = conflicts;
		this.errorMessage = errorMessage;
		this.version = version;
	}

	static SyncRun start(UUID integrationId, SyncTrigger trigger, Instant now) {
		return new SyncRun(UUID.randomUUID(), integrationId, trigger, SyncStatus.RUNNING, now, null, 0, 0, 0, 0, 0,
				null, null);
	}

	/**
	 * Closes the run with its listings' outcomes: all fine, some failed, or none worked.
	 */
	void finish(List<ListingOutcome> outcomes, Instant now) {
		listings = new ArrayList<>(outcomes);
		listingsWritten = false;
		for (ListingOutcome outcome : outcomes) {
			created += outcome.bookingsCreated();
			updated += outcome.bookingsUpdated();
			cancelled += outcome.bookingsCancelled();
			unchanged += outcome.unchanged();
			conflicts += outcome.conflicts();
		}
		long failed = outcomes.stream().filter(ListingOutcome::failed).count();
		if (outcomes.isEmpty()) {
			fail("No listing is mapped to a property yet. Map the channel's listings first, then sync.", now);
			return;
		}
		close(outcomes.size(), failed,
				outcomes.stream()
					.filter(ListingOutcome::failed)
					.findFirst()
					.map(o -> o.externalListingId() + ": " + o.message())
					.orElse(""),
				now);
	}

	/**
	 * Closes a run whose outcomes were already stored beside it, chunk by chunk, from
	 * their totals: the outcomes themselves never need to be in memory at once.
	 */
	void finishCounted(RunOutcomes.Totals totals, Instant now) {
		listings = List.of();
		listingsWritten = true;
		created += totals.created();
		updated += totals.updated();
		cancelled += totals.cancelled();
		unchanged += totals.unchanged();
		conflicts += totals.conflicts();
		reached = totals.total() > totals.failed();
		close(totals.total(), totals.failed(), totals.firstFailure() == null ? "" : totals.firstFailure(), now);
	}

	private void close(long total, long failed, String firstFailure, Instant now) {
		status = failed == 0 ? SyncStatus.SUCCESS : failed == total ? SyncStatus.ERROR : SyncStatus.PARTIAL;
		errorMessage = failed == 0 ? null : ListingOutcome
			.fit(failed + " of " + total + " listings failed. " + firstFailure, ListingOutcome.MAX_MESSAGE);
		completedAt = now;
	}

	/**
	 * Closes a run that only read again what notifications named: with nothing left to
	 * read (another run read it), it succeeded at doing nothing.
	 */
	void finishRechecks(List<ListingOutcome> outcomes, Instant now) {
		if (outcomes.isEmpty()) {
			status = SyncStatus.SUCCESS;
			completedAt = now;
			return;
		}
		finish(outcomes, now);
	}

	/** Whether the run ended having synced nothing at all (and failed at nothing). */
	boolean nothingDone() {
		return status == SyncStatus.SUCCESS && listings.isEmpty();
	}

	void fail(String message, Instant now) {
		status = SyncStatus.ERROR;
		errorMessage = ListingOutcome.fit(message, ListingOutcome.MAX_MESSAGE);
		completedAt = now;
	}

	boolean reachedChannel() {
		return reached || listings.stream().anyMatch(outcome -> !outcome.failed());
	}

	/**
	 * How the run ended, as its integration records it; a run still going has no outcome
	 * yet.
	 */
	SyncOutcome outcome() {
		return switch (status) {
			case SUCCESS -> SyncOutcome.SUCCESS;
			case PARTIAL -> SyncOutcome.PARTIAL;
			case ERROR -> SyncOutcome.ERROR;
			case RUNNING -> throw new IllegalStateException("Sync run " + id + " is still running");
		};
	}

	public UUID id() {
		return id;
	}

	public UUID integrationId() {
		return integrationId;
	}

	public SyncTrigger trigger() {
		return trigger;
	}

	public SyncStatus status() {
		return status;
	}

	public Instant startedAt() {
		return startedAt;
	}

	public Instant completedAt() {
		return completedAt;
	}

	public int created() {
		return created;
	}

	public int updated() {
		return updated;
	}

	public int cancelled() {
		return cancelled;
	}

	public int unchanged() {
		return unchanged;
	}

	public int conflicts() {
		return conflicts;
	}

	public String errorMessage() {
		return errorMessage;
	}

	/**
	 * The outcomes not written yet, handed over once: a second save of the run writes
	 * none again.
	 */
	List<ListingOutcome> takeUnsavedOutcomes() {
		if (listingsWritten) {
			return List.of();
		}
		listingsWritten = true;
		return List.copyOf(listings);
	}

}

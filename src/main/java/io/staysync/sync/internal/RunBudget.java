package io.staysync.sync.internal;

import java.time.Duration;

import io.staysync.common.TimeLimit;

/**
 * The time one run may take, and each of its listings: a listing gets its own budget or
 * what is left of the run's, whichever ends first, so that one stuck or hostile feed
 * costs at most its budget and a run ends near its own. The messages say which budget ran
 * out, in words a manager reads next to the listing.
 */
final class RunBudget {

	private final TimeLimit run;

	private final Duration perListing;

	/** The run's whole budget, as the messages name it. */
	private final Duration total;

	private RunBudget(TimeLimit run, Duration perListing, Duration total) {
		this.run = run;
		this.perListing = perListing;
		this.total = total;
	}

	/** When the run's budget ends, by the time now. */
	java.time.Instant endsAt() {
		return java.time.Instant.now().plus(run.remaining());
	}

	static RunBudget start(SyncSettings settings) {
		return new RunBudget(TimeLimit.after(settings.runTimeBudget()), settings.listingTimeBudget(),
				settings.runTimeBudget());
	}

	/**
	 * The budget of a run that started elsewhere (a chunk claimed by another instance):
	 * what is left of it until {@code endsAt}, by the time now.
	 */
	static RunBudget until(java.time.Instant endsAt, SyncSettings settings) {
		Duration left = Duration.between(java.time.Instant.now(), endsAt);
		Duration total = settings.runTimeBudget();
		TimeLimit run = TimeLimit.after(left.isNegative() || left.isZero() ? Duration.ofNanos(1) : left);
		return new RunBudget(run, settings.listingTimeBudget(), total);
	}

	/**
	 * Whether the run's time is up: listings not started by then are left for the next
	 * run.
	 */
	boolean spent() {
		return run.passed();
	}

	/** The time limit of a listing starting now. */
	TimeLimit forListing() {
		return TimeLimit.after(perListing).orEarlier(run);
	}

	/** Why a listing given {@code limit} was stopped. */
	String exceeded(TimeLimit limit) {
		if (limit == run) {
			return "The sync reached its time budget of " + TimeLimit.words(total) + " while this listing was "
					+ "being fetched; it was stopped and nothing of it changed. The next sync tries again.";
		}
		return "Fetching and reading this listing took longer than " + TimeLimit.words(perListing) + ", the most one "
				+ "listing may take (a feed that is very slow, stuck or too costly to read); it was stopped and "
				+ "nothing of it changed. The next sync tries again.";
	}

	/** Why a listing was not synced at all. */
	String notReached() {
		return "Not synced this time: the sync reached its time budget of " + TimeLimit.words(total)
				+ " before this listing; nothing of it changed. The next sync tries again.";
	}

}

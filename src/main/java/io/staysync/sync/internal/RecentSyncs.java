package io.staysync.sync.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.staysync.common.NotFoundException;
import io.staysync.integrations.SyncHistory;

/**
 * The history of sync runs, for the API and for an integration's detail. A run in a list
 * carries its first {@value #LISTINGS_IN_HISTORY} outcomes; one run read alone carries
 * the page of outcomes asked for.
 */
@Service
public class RecentSyncs implements SyncHistory {

	static final int LISTINGS_IN_HISTORY = 20;

	/** The page of outcomes of a run read alone, unless another is asked for. */
	public static final int DEFAULT_LISTINGS = 500;

	private final SyncRunRepository runs;

	private final RunOutcomes outcomes;

	RecentSyncs(SyncRunRepository runs, RunOutcomes outcomes) {
		this.runs = runs;
		this.outcomes = outcomes;
	}

	@Override
	@Transactional(readOnly = true)
	public List<SyncRunView> recent(UUID integrationId, int limit) {
		return page(integrationId, PageRequest.of(0, limit)).getContent();
	}

	@Transactional(readOnly = true)
	public Page<SyncRunView> page(UUID integrationId, Pageable pageable) {
		return runs.findByIntegrationIdOrderByStartedAtDesc(integrationId, pageable)
			.map(run -> view(run, PageRequest.of(0, LISTINGS_IN_HISTORY), false));
	}

	@Transactional(readOnly = true)
	public SyncRunView get(UUID id) {
		return get(id, PageRequest.of(0, DEFAULT_LISTINGS), false);
	}

	/** One run with a page of its outcomes, in run order or with the failures first. */
	@Transactional(readOnly = true)
	public SyncRunView get(UUID id, Pageable listings, boolean failuresFirst) {
		return runs.findById(id)
			.map(run -> view(run, listings, failuresFirst))
			.orElseThrow(() -> NotFoundException.of("Sync run", id));
	}

	private SyncRunView view(SyncRun run, Pageable listings, boolean failuresFirst) {
		RunOutcomes.Counts counts = outcomes.counts(run.id());
		Page<ListingOutcome> page = counts.total() == 0 ? Page.empty(listings)
				: outcomes.page(run.id(), listings, failuresFirst);
		return SyncRunView.of(run, page, counts.failed(), failuresFirst);
	}

}

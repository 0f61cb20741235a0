package io.staysync.sync.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.staysync.common.NotFoundException;
import io.staysync.integrations.SyncHistory;

/** The history of sync runs, for the API and for an integration's detail. */
@Service
public class RecentSyncs implements SyncHistory {

	private final SyncRunRepository runs;

	RecentSyncs(SyncRunRepository runs) {
		this.runs = runs;
	}

	@Override
	@Transactional(readOnly = true)
	public List<SyncRunView> recent(UUID integrationId, int limit) {
		return page(integrationId, PageRequest.of(0, limit)).getContent();
	}

	@Transactional(readOnly = true)
	public Page<SyncRunView> page(UUID integrationId, Pageable pageable) {
		return runs.findByIntegrationIdOrderByStartedAtDesc(integrationId, pageable).map(SyncRunView::of);
	}

	@Transactional(readOnly = true)
	public SyncRunView get(UUID id) {
		return runs.findById(id).map(SyncRunView::of).orElseThrow(() -> NotFoundException.of("Sync run", id));
	}

}

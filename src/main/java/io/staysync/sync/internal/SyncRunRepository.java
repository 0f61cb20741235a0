package io.staysync.sync.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.ListCrudRepository;

import io.staysync.sync.SyncStatus;

interface SyncRunRepository extends ListCrudRepository<SyncRun, UUID> {

	Page<SyncRun> findByIntegrationIdOrderByStartedAtDesc(UUID integrationId, Pageable pageable);

	Optional<SyncRun> findFirstByIntegrationIdAndStatus(UUID integrationId, SyncStatus status);

	List<SyncRun> findByStatus(SyncStatus status);

}

package io.staysync.integrations;

import java.util.List;
import java.util.UUID;

/**
 * Recent sync runs of an integration, for its detail view. Implemented by the module that
 * runs syncs; until it exists, an integration has no runs to show.
 */
public interface SyncHistory {

	List<?> recent(UUID integrationId, int limit);

}

package io.staysync.integrations;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Whether an integration's running sync was left by an instance that stopped answering,
 * for its card: implemented by the module that runs syncs; without it, no integration is
 * ever recovering.
 */
public interface SyncRecovery {

	/**
	 * @return from when a new sync of the integration may close the silent run and start,
	 * while its running sync's heartbeat is late; empty when nothing runs or the run is
	 * alive
	 */
	Optional<Instant> recoveringUntil(UUID integrationId);

}

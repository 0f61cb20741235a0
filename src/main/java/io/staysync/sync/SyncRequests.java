package io.staysync.sync;

import java.util.UUID;

import io.staysync.channels.ChannelType;

/**
 * How other modules ask for a sync (today the inbound webhooks); the scheduler and the
 * API start runs inside the module.
 */
public interface SyncRequests {

	/**
	 * Starts a run of the integration of this type, or returns the one already running.
	 * @return the run's id
	 */
	UUID request(ChannelType type, SyncTrigger trigger);

}

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

	/**
	 * Asks for something a notification named to be read again from the channel, in a
	 * webhook run that reads only what waits to be read again (or, when a run is going,
	 * in a run right after it). Joins the caller's transaction: the request is stored
	 * exactly when the notification is.
	 * @return the run that will read it, or {@code null} when the integration is inactive
	 * (it waits until it is active again)
	 */
	UUID recheck(ChannelType type, Recheck recheck);

}

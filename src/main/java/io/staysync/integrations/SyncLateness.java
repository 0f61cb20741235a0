package io.staysync.integrations;

import java.time.Duration;
import java.util.UUID;

/**
 * How far behind the sync engine is with an integration's listings, for the dashboard's
 * attention panel. Declared here and implemented by the sync module, which owns the
 * record of what was synced when (integrations must not depend on it).
 */
public interface SyncLateness {

	/**
	 * The mapped listings of an active integration that have not synced within their
	 * interval plus the grace; none for an inactive or unknown integration.
	 */
	Late late(UUID integrationId);

	/**
	 * @param listings how many listings are late
	 * @param interval the integration's sync interval
	 * @param grace how much longer than the interval a listing may go unsynced before it
	 * is late
	 */
	record Late(int listings, Duration interval, Duration grace) {

		public static Late none() {
			return new Late(0, Duration.ZERO, Duration.ZERO);
		}

	}

}

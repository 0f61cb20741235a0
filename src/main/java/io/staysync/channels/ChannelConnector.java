package io.staysync.channels;

/**
 * One adapter per channel and mode. Acknowledging changes is added with the API
 * connectors that need it; pushing availability has a default that answers "not
 * supported", which is right for iCal (its export feed is served live from the database).
 */
public interface ChannelConnector {

	boolean supports(ChannelType type, ChannelMode mode);

	/**
	 * Really calls the channel with these credentials and says what it found. Must not
	 * throw for a failing peer: a failure is a {@link ConnectionCheck#failed} with the
	 * reason.
	 */
	ConnectionCheck testConnection(ChannelCredentials credentials);

	/**
	 * What the channel reports for one listing now. Must not throw for a failing peer: a
	 * failure is {@link ListingChanges#failed} with the reason, and cancels nothing.
	 */
	ListingChanges fetchChanges(ChannelCredentials credentials, ChannelListing listing, SyncCursor cursor);

	/**
	 * Sends a property's availability over a window of nights to one mapped listing. Must
	 * not throw for a failing peer: a failure is {@link AvailabilityPush#failed} with the
	 * reason, and the push is retried later with the whole window.
	 */
	default AvailabilityPush pushAvailability(ChannelCredentials credentials, ChannelListing listing,
			AvailabilityWindow window) {
		return AvailabilityPush.notSupported("The " + credentials.type().path() + " connector in "
				+ credentials.mode().json() + " mode does not push availability.");
	}

}

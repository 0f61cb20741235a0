package io.staysync.channels;

/**
 * One adapter per channel and mode. Acknowledging changes and pushing availability are added
 * with the API connectors that need them.
 */
public interface ChannelConnector {

	boolean supports(ChannelType type, ChannelMode mode);

	/**
	 * Really calls the channel with these credentials and says what it found. Must not
	 * throw for a failing peer: a failure is a {@link ConnectionCheck#failed} with the reason.
	 */
	ConnectionCheck testConnection(ChannelCredentials credentials);

	/**
	 * What the channel reports for one listing now. Must not throw for a failing peer: a
	 * failure is {@link ListingChanges#failed} with the reason, and cancels nothing.
	 */
	ListingChanges fetchChanges(ChannelCredentials credentials, ChannelListing listing, SyncCursor cursor);

}

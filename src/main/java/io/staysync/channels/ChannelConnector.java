package io.staysync.channels;

/**
 * One adapter per channel and mode. This is the part of the SPI that exists today; fetching
 * changes, acknowledging them and pushing availability are added with the connectors and
 * the sync engine that use them.
 */
public interface ChannelConnector {

	boolean supports(ChannelType type, ChannelMode mode);

	/**
	 * Really calls the channel with these credentials and says what it found. Must not
	 * throw for a failing peer: a failure is a {@link ConnectionCheck#failed} with the reason.
	 */
	ConnectionCheck testConnection(ChannelCredentials credentials);

}

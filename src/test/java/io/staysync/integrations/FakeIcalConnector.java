package io.staysync.integrations;

import java.util.List;

import org.springframework.core.Ordered;

import io.staysync.channels.ChannelConnector;
import io.staysync.channels.ChannelCredentials;
import io.staysync.channels.ChannelListing;
import io.staysync.channels.ListingChanges;
import io.staysync.channels.SyncCursor;
import io.staysync.channels.ChannelMode;
import io.staysync.channels.ChannelType;
import io.staysync.channels.ConnectionCheck;

/**
 * A test double of an iCal connector: it sees the decrypted credentials, as a real one
 * would, and fails when a feed URL says "broken".
 */
class FakeIcalConnector implements ChannelConnector, Ordered {

	/** Ahead of the real iCal connector, which supports the same mode. */
	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	static volatile ChannelCredentials lastSeen;

	@Override
	public boolean supports(ChannelType type, ChannelMode mode) {
		return mode == ChannelMode.ICAL;
	}

	@Override
	public ConnectionCheck testConnection(ChannelCredentials credentials) {
		lastSeen = credentials;
		List<String> details = credentials.listings().stream().map(l -> l.externalListingId() + ": checked").toList();
		boolean broken = credentials.listings().stream().anyMatch(l -> l.importUrl().contains("broken"));
		return broken ? ConnectionCheck.failed("A feed answered with an HTML page instead of a calendar.", details)
				: ConnectionCheck.passed("Every feed answered with a calendar.", details);
	}

	@Override
	public ListingChanges fetchChanges(ChannelCredentials credentials, ChannelListing listing, SyncCursor cursor) {
		return ListingChanges.failed("The test double does not fetch.", cursor);
	}

}

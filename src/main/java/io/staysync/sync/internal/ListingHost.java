package io.staysync.sync.internal;

import java.net.URI;
import java.util.Locale;

import io.staysync.channels.ChannelListing;

/**
 * The server a listing is fetched from, for the per-host cap of a run: an iCal feed's
 * host name (lower case, port left out: one machine is one machine), or the channel
 * itself for listings read through a channel's API, which all go to its one API host.
 */
final class ListingHost {

	private ListingHost() {
	}

	static String of(ChannelListing listing, String channel) {
		String url = listing.importUrl();
		if (url != null) {
			try {
				String host = URI.create(url.trim()).getHost();
				if (host != null) {
					return host.toLowerCase(Locale.ROOT);
				}
			}
			catch (IllegalArgumentException malformed) {
				// the fetch says what is wrong with it; for the cap it is the channel's
			}
		}
		return "channel:" + channel;
	}

}

package io.staysync.channels;

import io.staysync.common.StoredInLowerCase;

/**
 * How Staysync talks to a channel: through iCal feeds, or through the channel's partner
 * API.
 */
public enum ChannelMode implements StoredInLowerCase {

	ICAL, API;

	@Override
	public String toString() {
		return json();
	}

}

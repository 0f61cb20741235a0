package io.staysync.channels;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

import io.staysync.common.StoredInLowerCase;

/** How Staysync talks to a channel: through iCal feeds, or through the channel's partner API. */
public enum ChannelMode implements StoredInLowerCase {

	ICAL, API;

	@JsonValue
	public String json() {
		return name().toLowerCase(Locale.ROOT);
	}

	@Override
	public String toString() {
		return json();
	}

}

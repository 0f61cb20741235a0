package io.staysync.bookings;

import java.util.Objects;
import java.util.UUID;

/**
 * What identifies an imported booking: its integration, the scope its external id is
 * unique in, and that id. The scope is the external listing id for keys unique per
 * listing ({@link KeyScope#LISTING}, iCal UIDs) and empty for keys unique across the
 * channel ({@link KeyScope#CHANNEL}, API reservation ids), so that a room change at the
 * channel keeps the key.
 */
public record ChannelKey(UUID integrationId, String scope, String externalId) {

	/** The scope of a key unique across the channel. */
	public static final String CHANNEL_WIDE = "";

	public ChannelKey {
		Objects.requireNonNull(integrationId, "integrationId");
		Objects.requireNonNull(scope, "scope");
		Objects.requireNonNull(externalId, "externalId");
	}

	/** The key of a reservation id unique across the channel. */
	public static ChannelKey channelWide(UUID integrationId, String externalId) {
		return new ChannelKey(integrationId, CHANNEL_WIDE, externalId);
	}

	/** The key of an id unique only in one listing's feed (an iCal UID). */
	public static ChannelKey inListing(UUID integrationId, String externalListingId, String externalId) {
		return new ChannelKey(integrationId, externalListingId, externalId);
	}

}

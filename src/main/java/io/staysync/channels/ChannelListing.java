package io.staysync.channels;

import java.time.ZoneId;
import java.util.UUID;

/**
 * A channel listing mapped to a property. {@code importUrl} (iCal mode) is a secret: most
 * channels put an access token in it. {@code timeZone} is the property's: channel times
 * are read as the property's local dates.
 */
public record ChannelListing(String externalListingId, UUID propertyId, String importUrl, ZoneId timeZone) {

	public ChannelListing(String externalListingId, UUID propertyId, String importUrl) {
		this(externalListingId, propertyId, importUrl, ZoneId.of("UTC"));
	}

	@Override
	public String toString() {
		return "ChannelListing[" + externalListingId + " -> " + propertyId + ", importUrl="
				+ (importUrl == null ? "none" : "[hidden]") + "]";
	}

}

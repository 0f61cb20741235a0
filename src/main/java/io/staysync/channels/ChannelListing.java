package io.staysync.channels;

import java.util.UUID;

/**
 * A channel listing mapped to a property. {@code importUrl} (iCal mode) is a secret: most
 * channels put an access token in it.
 */
public record ChannelListing(String externalListingId, UUID propertyId, String importUrl) {

	@Override
	public String toString() {
		return "ChannelListing[" + externalListingId + " -> " + propertyId + ", importUrl="
				+ (importUrl == null ? "none" : "[hidden]") + "]";
	}

}

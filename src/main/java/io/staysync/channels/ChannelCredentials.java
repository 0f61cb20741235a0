package io.staysync.channels;

import java.util.List;
import java.util.UUID;

/**
 * What a connector needs to reach a channel, decrypted for the duration of one call.
 * Never log it whole; {@link #toString()} hides every secret.
 */
public record ChannelCredentials(UUID integrationId, ChannelType type, ChannelMode mode, String apiKey,
		String apiSecret, String webhookSecret, String webhookUrl, List<ChannelListing> listings) {

	public ChannelCredentials {
		listings = listings == null ? List.of() : List.copyOf(listings);
	}

	@Override
	public String toString() {
		return "ChannelCredentials[" + type.path() + ", " + mode.json() + ", apiKey=" + hidden(apiKey) + ", apiSecret="
				+ hidden(apiSecret) + ", webhookSecret=" + hidden(webhookSecret) + ", listings=" + listings.size()
				+ "]";
	}

	private static String hidden(String secret) {
		return secret == null ? "none" : "[hidden]";
	}

}

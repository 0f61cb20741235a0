package io.staysync.integrations.internal;

import io.staysync.channels.ChannelMode;

/**
 * A configure request: {@code null} keeps what is stored, an empty secret removes it, and
 * a webhook secret of {@code "generate"} makes a new one.
 */
public record IntegrationConfiguration(String apiKey, String apiSecret, String webhookSecret, String webhookUrl,
		Boolean active, ChannelMode mode, Integer syncIntervalMinutes) {

	static final String GENERATE = "generate";

	@Override
	public String toString() {
		return "IntegrationConfiguration[mode=" + mode + ", active=" + active + ", interval=" + syncIntervalMinutes
				+ ", secrets hidden]";
	}

}

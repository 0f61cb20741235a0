package io.staysync.integrations.internal;

import io.staysync.channels.ChannelMode;
import io.staysync.integrations.SyncInterval;

/**
 * A configure request as {@link Integration#reconfigure} takes it: checked, with its
 * secrets already sealed. A {@code null} field keeps what is stored; a blank webhook URL
 * removes it.
 */
record Reconfiguration(ChannelMode mode, SealedSecret apiKey, SealedSecret apiSecret, SealedSecret webhookSecret,
		String webhookUrl, Boolean active, SyncInterval syncInterval) {

	/**
	 * A secret to store in place of the current one: its sealed form, or {@code null} to
	 * remove it, and for an API key the hint that may be shown.
	 */
	record SealedSecret(String sealed, String hint) {

		@Override
		public String toString() {
			return "SealedSecret[hidden]";
		}

	}

	@Override
	public String toString() {
		return "Reconfiguration[mode=" + mode + ", active=" + active + ", interval=" + syncInterval
				+ ", secrets hidden]";
	}

}

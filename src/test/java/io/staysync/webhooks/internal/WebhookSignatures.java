package io.staysync.webhooks.internal;

/** Signs test notifications the way a Standard Webhooks sender does. */
public final class WebhookSignatures {

	private WebhookSignatures() {
	}

	public static String sign(String secret, String id, long timestamp, byte[] body) {
		return StandardWebhookVerifier.signature(secret, id, timestamp, body);
	}

}

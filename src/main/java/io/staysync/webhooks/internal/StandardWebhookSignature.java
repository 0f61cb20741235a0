package io.staysync.webhooks.internal;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.staysync.integrations.WebhookSecret;

/**
 * The Standard Webhooks v1 signature, said once for both directions: HMAC-SHA256 keyed
 * with the bytes of a {@code whsec_} secret over {@code id.timestamp.body}, written as
 * {@code v1,<base64>}. Inbound requests are checked against it
 * ({@link StandardWebhookVerifier}); outbound deliveries carry it.
 */
public final class StandardWebhookSignature {

	/** The scheme prefix of a symmetric signature in {@code webhook-signature}. */
	public static final String VERSION = "v1";

	private StandardWebhookSignature() {
	}

	/**
	 * The {@code v1,<base64>} signature of a message.
	 * @throws IllegalArgumentException when {@code secret} is no {@code whsec_} secret
	 */
	public static String sign(String secret, String id, long timestamp, byte[] body) {
		return VERSION + ","
				+ Base64.getEncoder().encodeToString(hmac(WebhookSecret.parse(secret).key(), id, timestamp, body));
	}

	/** The raw HMAC-SHA256 of {@code id.timestamp.body}. */
	static byte[] hmac(byte[] key, String id, long timestamp, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
			return mac.doFinal(body);
		}
		catch (NoSuchAlgorithmException | InvalidKeyException impossible) {
			throw new IllegalStateException("HMAC-SHA256 is required by every Java runtime", impossible);
		}
	}

}

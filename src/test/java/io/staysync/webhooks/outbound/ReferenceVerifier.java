package io.staysync.webhooks.outbound;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A receiver's check, written from the Standard Webhooks reference verification
 * (WebhookBase of the reference Java library) and deliberately sharing no code with
 * Staysync's signer: strip {@code whsec_}, base64-decode the key, HMAC-SHA256 over
 * {@code id.timestamp.body}, accept when any {@code v1,} entry of the space-separated
 * header matches in constant time and the timestamp is within 5 minutes.
 */
final class ReferenceVerifier {

	private ReferenceVerifier() {
	}

	static boolean verifies(String secret, String id, String timestamp, String signatureHeader, byte[] payload) {
		return verifies(secret, id, timestamp, signatureHeader, payload, Instant.now());
	}

	static boolean verifies(String secret, String id, String timestamp, String signatureHeader, byte[] payload,
			Instant now) {
		if (id == null || timestamp == null || signatureHeader == null) {
			return false;
		}
		long sent = Long.parseLong(timestamp);
		if (Math.abs(now.getEpochSecond() - sent) > 300) {
			return false;
		}
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
			byte[] expected = mac.doFinal((id + "." + timestamp + "." + new String(payload, StandardCharsets.UTF_8))
				.getBytes(StandardCharsets.UTF_8));
			for (String versioned : signatureHeader.split(" ")) {
				String[] parts = versioned.split(",", 2);
				if (parts.length == 2 && parts[0].equals("v1")
						&& MessageDigest.isEqual(expected, Base64.getDecoder().decode(parts[1]))) {
					return true;
				}
			}
			return false;
		}
		catch (Exception unusable) {
			throw new IllegalStateException(unusable);
		}
	}

	static boolean verifies(String secret, WebhookReceiver.Received request) {
		return verifies(secret, request.id(), request.timestamp(), request.signature(), request.body());
	}

}

package io.staysync.webhooks.internal;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

import io.staysync.integrations.WebhookSecret;

/**
 * Standard Webhooks v1 verification: the {@link StandardWebhookSignature} with the key of
 * the {@link WebhookSecret}, compared in constant time against every {@code v1,}
 * signature of the space-separated header (several during a secret rotation), with the
 * timestamp within five minutes either way.
 */
final class StandardWebhookVerifier {

	static final Duration TOLERANCE = Duration.ofMinutes(5);

	private final Clock clock;

	StandardWebhookVerifier(Clock clock) {
		this.clock = clock;
	}

	/**
	 * @return why the request is refused, or {@code null} when it is authentic and fresh
	 */
	String refusal(String secret, String id, String timestamp, String signatures, byte[] body) {
		if (isBlank(id) || isBlank(timestamp) || isBlank(signatures)) {
			return "The webhook-id, webhook-timestamp and webhook-signature headers are all required.";
		}
		if (id.contains(".") || id.length() > 255) {
			return "The webhook-id header is not a valid message id.";
		}
		long sent;
		try {
			sent = Long.parseLong(timestamp.strip());
		}
		catch (NumberFormatException notANumber) {
			return "The webhook-timestamp header is not a Unix time in seconds.";
		}
		long now = clock.instant().getEpochSecond();
		// Compared without subtracting the sent time: a difference of two longs can
		// overflow and read as "just now".
		if (sent < now - TOLERANCE.toSeconds() || sent > now + TOLERANCE.toSeconds()) {
			return "The webhook-timestamp is more than 5 minutes " + (sent < now ? "old" : "in the future") + ".";
		}
		byte[] key;
		try {
			key = WebhookSecret.parse(secret).key();
		}
		catch (IllegalArgumentException unusable) {
			// Stored before secrets were checked: refuse like a wrong signature, not with
			// a 500.
			return "The webhook secret configured for this channel is not usable; set a new one.";
		}
		byte[] expected = StandardWebhookSignature.hmac(key, id, sent, body);
		for (String candidate : signatures.strip().split(" +")) {
			int comma = candidate.indexOf(',');
			if (comma < 0 || !candidate.substring(0, comma).equals("v1")) {
				continue;
			}
			byte[] given;
			try {
				given = Base64.getDecoder().decode(candidate.substring(comma + 1));
			}
			catch (IllegalArgumentException notBase64) {
				continue;
			}
			if (MessageDigest.isEqual(expected, given)) {
				return null;
			}
		}
		return "No v1 signature matches.";
	}

	static String signature(String secret, String id, long timestamp, byte[] body) {
		return StandardWebhookSignature.sign(secret, id, timestamp, body);
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

}

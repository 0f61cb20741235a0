package io.staysync.integrations;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * A Standard Webhooks signing secret: {@code whsec_} and the base64 of 24 to 64 random
 * bytes, the HMAC-SHA256 key. Anything else is refused when it is entered, rather than
 * turned into an empty, short or accidental key that fails every delivery later.
 */
public final class WebhookSecret {

	public static final String PREFIX = "whsec_";

	static final int MIN_BYTES = 24;

	static final int MAX_BYTES = 64;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final byte[] key;

	private WebhookSecret(byte[] key) {
		this.key = key;
	}

	/** A new secret of 24 random bytes, in its {@code whsec_} form. */
	public static String generate() {
		byte[] bytes = new byte[MIN_BYTES];
		RANDOM.nextBytes(bytes);
		return PREFIX + Base64.getEncoder().encodeToString(bytes);
	}

	/**
	 * The secret a text stands for.
	 * @throws IllegalArgumentException when it is not {@code whsec_} and base64 of 24 to
	 * 64 bytes; the message says what is wrong and never repeats the text
	 */
	public static WebhookSecret parse(String text) {
		return new WebhookSecret(decode(text));
	}

	/** Why a text is no webhook secret, or empty when it is one. */
	public static Optional<String> problem(String text) {
		try {
			decode(text);
			return Optional.empty();
		}
		catch (IllegalArgumentException refused) {
			return Optional.of(refused.getMessage());
		}
	}

	/** The HMAC-SHA256 key. */
	public byte[] key() {
		return key.clone();
	}

	@Override
	public String toString() {
		return "WebhookSecret[hidden]";
	}

	private static byte[] decode(String text) {
		if (text == null || !text.startsWith(PREFIX)) {
			throw new IllegalArgumentException("must start with whsec_ followed by base64 (or send \"generate\")");
		}
		byte[] key;
		try {
			key = Base64.getDecoder().decode(text.substring(PREFIX.length()));
		}
		catch (IllegalArgumentException notBase64) {
			throw new IllegalArgumentException("must be whsec_ followed by valid base64");
		}
		if (key.length < MIN_BYTES || key.length > MAX_BYTES) {
			throw new IllegalArgumentException(
					"must hold " + MIN_BYTES + " to " + MAX_BYTES + " random bytes after whsec_, base64-encoded");
		}
		return key;
	}

}

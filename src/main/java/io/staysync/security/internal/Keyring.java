package io.staysync.security.internal;

import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Several AES-256 keys, each with a numeric id, one of them primary. The primary key
 * encrypts; every key decrypts what it encrypted.
 *
 * <p>
 * Text format, one entry per line (or separated by {@code ;} in an environment variable),
 * {@code #} starting a comment:
 *
 * <pre>
 * primary: 2
 * 1: &lt;base64 of 32 random bytes&gt;
 * 2: &lt;base64 of 32 random bytes&gt;
 * </pre>
 */
final class Keyring {

	private final Map<Integer, SecretKey> keys;

	private final int primaryId;

	private Keyring(Map<Integer, SecretKey> keys, int primaryId) {
		this.keys = Collections.unmodifiableMap(keys);
		this.primaryId = primaryId;
	}

	static Keyring parse(String text, String origin) {
		Map<Integer, SecretKey> keys = new LinkedHashMap<>();
		Integer primary = null;
		for (String raw : text.split("[\\n;]")) {
			String line = raw.strip();
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			int colon = line.indexOf(':');
			if (colon < 0) {
				throw invalid(origin, "an entry is not of the form 'id: base64key' or 'primary: id'");
			}
			String name = line.substring(0, colon).strip();
			String value = line.substring(colon + 1).strip();
			if (name.equalsIgnoreCase("primary")) {
				primary = keyId(value, origin);
			}
			else {
				int id = keyId(name, origin);
				if (keys.put(id, key(value, id, origin)) != null) {
					throw invalid(origin, "key " + id + " is listed twice");
				}
			}
		}
		if (keys.isEmpty()) {
			throw invalid(origin, "it holds no key");
		}
		if (primary == null) {
			throw invalid(origin, "no 'primary: id' line says which key encrypts");
		}
		if (!keys.containsKey(primary)) {
			throw invalid(origin, "the primary key " + primary + " is not in it");
		}
		return new Keyring(keys, primary);
	}

	static String format(int id, byte[] key) {
		return """
				# Staysync keyring. Keep it secret, readable by Staysync's user only, and backed up apart from
				# the database: without it no stored credential can be decrypted. Add a key as 'id: base64',
				# then make it primary and run rotate-keys.
				primary: %d
				%d: %s
				""".formatted(id, id, Base64.getEncoder().encodeToString(key));
	}

	SecretKey primary() {
		return keys.get(primaryId);
	}

	int primaryId() {
		return primaryId;
	}

	Optional<SecretKey> key(int id) {
		return Optional.ofNullable(keys.get(id));
	}

	int size() {
		return keys.size();
	}

	@Override
	public String toString() {
		return "Keyring[keys=" + keys.keySet() + ", primary=" + primaryId + "]";
	}

	private static int keyId(String value, String origin) {
		try {
			int id = Integer.parseInt(value);
			if (id > 0) {
				return id;
			}
		}
		catch (NumberFormatException ignored) {
			// reported below
		}
		throw invalid(origin, "key ids must be positive whole numbers");
	}

	private static SecretKey key(String base64, int id, String origin) {
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(base64);
		}
		catch (IllegalArgumentException notBase64) {
			throw invalid(origin, "key " + id + " is not valid base64");
		}
		if (bytes.length != 32) {
			throw invalid(origin, "key " + id + " is " + bytes.length + " bytes; AES-256 needs exactly 32 "
					+ "(make one with: openssl rand -base64 32)");
		}
		return new SecretKeySpec(bytes, "AES");
	}

	private static KeyringException invalid(String origin, String why) {
		return new KeyringException("The keyring from " + origin + " cannot be used: " + why + ".");
	}

}

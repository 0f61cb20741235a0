package io.staysync.channels.ical;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The booking key of an iCal event: its UID, or, for the rare UID longer than a key may
 * be, a stable digest of it, so that every fetch finds the same booking again.
 */
final class Uids {

	static final int MAX_KEY = 255;

	private Uids() {
	}

	static String key(String uid) {
		if (uid.length() <= MAX_KEY) {
			return uid;
		}
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(uid.getBytes(StandardCharsets.UTF_8));
			return "uid-sha256-" + HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException impossible) {
			throw new IllegalStateException(impossible);
		}
	}

}

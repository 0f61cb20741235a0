package io.staysync.channels.ical;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;

/**
 * Recognises a feed body already applied: a SHA-256 of the body and of the day the sync
 * horizon starts. Many servers send neither ETag nor Last-Modified, so every sync
 * downloads the same calendar again; comparing this digest with the one stored after the
 * last successful apply spares the parsing and the applying. The day is part of it
 * because the same bytes read on another day mean more: recurrences reach new dates
 * inside the horizon, and stays leave it. So an unchanged feed is read once a day at
 * most.
 */
final class FeedDigest {

	private FeedDigest() {
	}

	static String of(byte[] body, LocalDate horizonStart) {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			sha256.update(horizonStart.toString().getBytes(StandardCharsets.US_ASCII));
			sha256.update((byte) '\n');
			return HexFormat.of().formatHex(sha256.digest(body));
		}
		catch (NoSuchAlgorithmException impossible) {
			// every Java platform has SHA-256
			throw new IllegalStateException(impossible);
		}
	}

}

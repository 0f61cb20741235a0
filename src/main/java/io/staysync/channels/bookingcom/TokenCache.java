package io.staysync.channels.bookingcom;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The machine accounts' JWTs, each kept until {@code renewBefore} ahead of its expiry,
 * and the exchanges of the last hour, so that Staysync never asks for more than
 * Booking.com's 30 tokens an hour. Keyed by client id and a hash of the secret: a changed
 * secret gets a new token at once. Thread-safe; the tokens live in memory only.
 */
final class TokenCache {

	private static final Duration HOUR = Duration.ofHours(1);

	private static final Pattern EXPIRY = Pattern.compile("\"exp\"\\s*:\\s*(\\d+)");

	private final Clock clock;

	private final Duration renewBefore;

	private final int maxPerHour;

	private final Map<String, Token> tokens = new HashMap<>();

	private final Map<String, Deque<Instant>> exchanges = new HashMap<>();

	TokenCache(Clock clock, Duration renewBefore, int maxPerHour) {
		this.clock = clock;
		this.renewBefore = renewBefore;
		this.maxPerHour = maxPerHour;
	}

	/** The cached token of this account, if it is still good for a while. */
	synchronized String current(String clientId, String secret) {
		Token token = tokens.get(key(clientId, secret));
		return token != null && clock.instant().isBefore(token.expires().minus(renewBefore)) ? token.jwt() : null;
	}

	/**
	 * Counts an exchange about to be made.
	 * @return {@code null} when it may be made, else how long until it may
	 */
	synchronized Duration reserveExchange(String clientId) {
		Deque<Instant> recent = exchanges.computeIfAbsent(clientId, id -> new ArrayDeque<>());
		Instant now = clock.instant();
		while (!recent.isEmpty() && !recent.peekFirst().isAfter(now.minus(HOUR))) {
			recent.removeFirst();
		}
		if (recent.size() >= maxPerHour) {
			return Duration.between(now, recent.peekFirst().plus(HOUR));
		}
		recent.addLast(now);
		return null;
	}

	synchronized void store(String clientId, String secret, String jwt) {
		tokens.put(key(clientId, secret), new Token(jwt, expiry(jwt)));
	}

	/** Booking.com refused the token (401): the next call exchanges a new one. */
	synchronized void forget(String clientId, String secret) {
		tokens.remove(key(clientId, secret));
	}

	/** The JWT's {@code exp}; an hour from now when it cannot be read. */
	private Instant expiry(String jwt) {
		String[] parts = jwt.split("\\.");
		if (parts.length >= 2) {
			try {
				String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
				Matcher exp = EXPIRY.matcher(claims);
				if (exp.find()) {
					return Instant.ofEpochSecond(Long.parseLong(exp.group(1)));
				}
			}
			catch (IllegalArgumentException unreadable) {
				// an opaque token: Booking.com's documented lifetime
			}
		}
		return clock.instant().plus(HOUR);
	}

	private static String key(String clientId, String secret) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
			return clientId + "/" + HexFormat.of().formatHex(hash);
		}
		catch (NoSuchAlgorithmException everyJvmHasIt) {
			throw new IllegalStateException(everyJvmHasIt);
		}
	}

	private record Token(String jwt, Instant expires) {

		@Override
		public String toString() {
			return "Token[expires=" + expires + "]";
		}

	}

}

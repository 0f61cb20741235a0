package io.staysync.integrations.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.staysync.channels.ChannelType;

/**
 * The {@code state} of each OAuth authorization an administrator starts: 256 random bits,
 * bound to the channel, to who asked and to the redirect URI, valid for {@link #LIFETIME}
 * and for one callback. Only its SHA-256 is stored, so reading the table gives no state
 * that would pass.
 */
@Component
class OAuthStates {

	static final Duration LIFETIME = Duration.ofMinutes(10);

	/** Spent and expired states are kept this long, to tell "used" from "unknown". */
	static final Duration KEPT = Duration.ofDays(1);

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final Clock clock;

	OAuthStates(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** A new state for {@code user}, who will be sent back to {@code redirectUri}. */
	String issue(ChannelType type, String user, String redirectUri) {
		Instant now = clock.instant();
		jdbc.sql("delete from oauth_states where created_at < :old")
			.param("old", Timestamp.from(now.minus(KEPT)))
			.update();
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String state = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		jdbc.sql(
				"""
						insert into oauth_states (state_hash, integration_type, requested_by, redirect_uri, created_at, expires_at)
						values (:hash, :type, :user, :redirect, :now, :expires)""")
			.param("hash", hash(state))
			.param("type", type.json())
			.param("user", user)
			.param("redirect", redirectUri)
			.param("now", Timestamp.from(now))
			.param("expires", Timestamp.from(now.plus(LIFETIME)))
			.update();
		return state;
	}

	/**
	 * Spends the state (whoever presents it: a state seen by someone else must not stay
	 * usable) and says whether it was good for this channel.
	 */
	Spent spend(ChannelType type, String state) {
		if (state == null || state.isBlank() || state.length() > 200) {
			return new Spent(Verdict.UNKNOWN, null, null);
		}
		String hash = hash(state);
		Optional<Row> row = jdbc
			.sql("select requested_by, redirect_uri, expires_at, used_at from oauth_states"
					+ " where state_hash = :hash and integration_type = :type")
			.param("hash", hash)
			.param("type", type.json())
			.query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
					rs.getTimestamp(4) != null))
			.optional();
		if (row.isEmpty()) {
			return new Spent(Verdict.UNKNOWN, null, null);
		}
		int spent = jdbc.sql("update oauth_states set used_at = :now where state_hash = :hash and used_at is null")
			.param("now", Timestamp.from(clock.instant()))
			.param("hash", hash)
			.update();
		if (row.get().used() || spent == 0) {
			return new Spent(Verdict.USED, row.get().user(), row.get().redirectUri());
		}
		if (!row.get().expiresAt().isAfter(clock.instant())) {
			return new Spent(Verdict.EXPIRED, row.get().user(), row.get().redirectUri());
		}
		return new Spent(Verdict.GOOD, row.get().user(), row.get().redirectUri());
	}

	private static String hash(String state) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(state.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException impossible) {
			throw new IllegalStateException("SHA-256 is required by every Java runtime", impossible);
		}
	}

	enum Verdict {

		GOOD, UNKNOWN, USED, EXPIRED

	}

	/** What spending a state found: who asked for it and where the code is bound to. */
	record Spent(Verdict verdict, String requestedBy, String redirectUri) {
	}

	private record Row(String user, String redirectUri, Instant expiresAt, boolean used) {
	}

}

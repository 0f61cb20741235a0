package io.staysync.security.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An API token of one user. Only the SHA-256 hash of the token is stored; the short
 * prefix lets a person tell their tokens apart without it being usable.
 */
@Table("api_tokens")
public class ApiToken {

	/**
	 * Last-use times are written at most this often, so that a busy token does not write
	 * on every call.
	 */
	private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

	@Id
	private final UUID id;

	private final UUID userId;

	private final String name;

	private final String tokenHash;

	private final String tokenPrefix;

	private final Instant createdAt;

	private final Instant expiresAt;

	private Instant lastUsedAt;

	private Instant revokedAt;

	@Version
	private Long version;

	@PersistenceCreator
	ApiToken(UUID id, UUID userId, String name, String tokenHash, String tokenPrefix, Instant createdAt,
			Instant expiresAt, Instant lastUsedAt, Instant revokedAt, Long version) {
		this.id = id;
		this.userId = userId;
		this.name = name;
		this.tokenHash = tokenHash;
		this.tokenPrefix = tokenPrefix;
		this.createdAt = createdAt;
		this.expiresAt = expiresAt;
		this.lastUsedAt = lastUsedAt;
		this.revokedAt = revokedAt;
		this.version = version;
	}

	static ApiToken issue(UUID userId, String name, String tokenHash, String tokenPrefix, Instant now,
			Instant expiresAt) {
		return new ApiToken(UUID.randomUUID(), userId, name, tokenHash, tokenPrefix, now, expiresAt, null, null, null);
	}

	boolean isUsableAt(Instant now) {
		return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
	}

	/**
	 * @return whether the last-use time moved enough to be worth saving
	 */
	boolean markUsed(Instant now) {
		if (lastUsedAt != null && lastUsedAt.plus(LAST_USED_PRECISION).isAfter(now)) {
			return false;
		}
		lastUsedAt = now;
		return true;
	}

	void revoke(Instant now) {
		if (revokedAt == null) {
			revokedAt = now;
		}
	}

	public UUID id() {
		return id;
	}

	public UUID userId() {
		return userId;
	}

	public String name() {
		return name;
	}

	public String tokenPrefix() {
		return tokenPrefix;
	}

	public Instant createdAt() {
		return createdAt;
	}

	public Instant expiresAt() {
		return expiresAt;
	}

	public Instant lastUsedAt() {
		return lastUsedAt;
	}

	public Instant revokedAt() {
		return revokedAt;
	}

}

package io.staysync.security.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.staysync.audit.AuditLog;
import io.staysync.common.NotFoundException;
import io.staysync.security.Role;
import io.staysync.security.StaysyncUser;

/**
 * Issues, checks and revokes API tokens. A token is 256 random bits; being that strong,
 * it is stored as a plain SHA-256 hash, which lets a request find it by index in one
 * lookup (a slow password hash would be needed only for guessable secrets).
 */
@Service
public class ApiTokenRegistry {

	static final String TOKEN_PREFIX = "sst_";

	private final SecureRandom random = new SecureRandom();

	private final ApiTokenRepository tokens;

	private final UserAccountRepository users;

	private final AuditLog audit;

	private final Clock clock;

	ApiTokenRegistry(ApiTokenRepository tokens, UserAccountRepository users, AuditLog audit, Clock clock) {
		this.tokens = tokens;
		this.users = users;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	public IssuedToken issue(StaysyncUser owner, String name, Integer expiresInDays) {
		byte[] secret = new byte[32];
		random.nextBytes(secret);
		String token = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		Instant now = clock.instant();
		Instant expiresAt = expiresInDays == null ? null : now.plus(Duration.ofDays(expiresInDays));
		ApiToken stored = tokens
			.save(ApiToken.issue(owner.id(), name.trim(), hash(token), token.substring(0, 10), now, expiresAt));
		audit.record("api-token.created", "api-token:" + stored.id(),
				Map.of("name", stored.name(), "owner", owner.email()));
		return new IssuedToken(stored, token);
	}

	/** Finds the user a presented token belongs to, if the token is valid now. */
	@Transactional
	public Optional<StaysyncUser> authenticate(String presented) {
		if (presented == null || !presented.startsWith(TOKEN_PREFIX) || presented.length() > 100) {
			return Optional.empty();
		}
		Instant now = clock.instant();
		return tokens.findByTokenHash(hash(presented)).filter(token -> token.isUsableAt(now)).flatMap(token -> {
			if (token.markUsed(now)) {
				tokens.save(token);
			}
			return users.findById(token.userId());
		}).filter(UserAccount::enabled).map(UserAccount::toPrincipal);
	}

	@Transactional(readOnly = true)
	public List<ApiToken> listOf(StaysyncUser owner) {
		return tokens.findByUserIdOrderByCreatedAtDesc(owner.id());
	}

	@Transactional
	public void revoke(StaysyncUser actor, UUID tokenId) {
		ApiToken token = tokens.findById(tokenId)
			.filter(found -> found.userId().equals(actor.id()) || actor.role() == Role.ADMIN)
			.orElseThrow(() -> NotFoundException.of("API token", tokenId));
		token.revoke(clock.instant());
		tokens.save(token);
		audit.record("api-token.revoked", "api-token:" + token.id(), Map.of("name", token.name()));
	}

	/** Whether a request was authenticated by an API token rather than a password. */
	public static boolean isApiToken(Authentication authentication) {
		return authentication instanceof BearerTokenAuthentication.Authenticated;
	}

	static String hash(String token) {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(sha256.digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException impossible) {
			throw new IllegalStateException("SHA-256 is required by every Java runtime", impossible);
		}
	}

	/** A token as issued: the only moment its value exists outside the caller's hands. */
	public record IssuedToken(ApiToken token, String value) {

		@Override
		public String toString() {
			return "IssuedToken[" + token.id() + "]";
		}

	}

}

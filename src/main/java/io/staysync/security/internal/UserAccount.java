package io.staysync.security.internal;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

import io.staysync.security.Role;
import io.staysync.security.StaysyncUser;

/**
 * A person who signs in. Owns its own changes; the password is only ever held hashed.
 */
@Table("user_accounts")
public class UserAccount {

	@Id
	private final UUID id;

	private final String email;

	private String displayName;

	private String passwordHash;

	private Role role;

	private boolean enabled;

	private final Instant createdAt;

	private Instant updatedAt;

	@Version
	private Long version;

	@PersistenceCreator
	UserAccount(UUID id, String email, String displayName, String passwordHash, Role role, boolean enabled,
			Instant createdAt, Instant updatedAt, Long version) {
		this.id = id;
		this.email = email;
		this.displayName = displayName;
		this.passwordHash = passwordHash;
		this.role = role;
		this.enabled = enabled;
		this.createdAt = createdAt;
		this.updatedAt = updatedAt;
		this.version = version;
	}

	static UserAccount create(String email, String displayName, String passwordHash, Role role, Instant now) {
		return new UserAccount(UUID.randomUUID(), normalizeEmail(email), displayName, passwordHash, role, true, now,
				now, null);
	}

	/**
	 * The stored spelling of an email: no surrounding white space of any kind (also
	 * no-break spaces), lower case. Sign-in names go through {@link LoginNames} to the
	 * same one.
	 */
	static String normalizeEmail(String email) {
		int start = 0;
		int end = email.length();
		while (start < end && blank(email.charAt(start))) {
			start++;
		}
		while (end > start && blank(email.charAt(end - 1))) {
			end--;
		}
		return email.substring(start, end).toLowerCase(Locale.ROOT);
	}

	private static boolean blank(char c) {
		return Character.isWhitespace(c) || Character.isSpaceChar(c);
	}

	void rename(String displayName, Instant now) {
		this.displayName = displayName;
		this.updatedAt = now;
	}

	void changeRole(Role role, Instant now) {
		this.role = role;
		this.updatedAt = now;
	}

	void changePassword(String passwordHash, Instant now) {
		this.passwordHash = passwordHash;
		this.updatedAt = now;
	}

	void setEnabled(boolean enabled, Instant now) {
		this.enabled = enabled;
		this.updatedAt = now;
	}

	boolean isActiveAdmin() {
		return enabled && role == Role.ADMIN;
	}

	StaysyncUser toPrincipal() {
		return new StaysyncUser(id, email, role, enabled, passwordHash);
	}

	public UUID id() {
		return id;
	}

	public String email() {
		return email;
	}

	public String displayName() {
		return displayName;
	}

	String passwordHash() {
		return passwordHash;
	}

	public Role role() {
		return role;
	}

	public boolean enabled() {
		return enabled;
	}

	public Instant createdAt() {
		return createdAt;
	}

	public Instant updatedAt() {
		return updatedAt;
	}

	public Long version() {
		return version;
	}

}

package io.staysync.security.internal;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.staysync.audit.AuditLog;
import io.staysync.common.ConflictException;
import io.staysync.common.InvalidInputException;
import io.staysync.common.InvalidInputException.FieldProblem;
import io.staysync.common.NotFoundException;
import io.staysync.security.Role;
import io.staysync.security.StaysyncUser;

/**
 * Creates and changes users, with an audit event for each change. Refuses to leave the
 * installation without an enabled administrator.
 */
@Service
public class UserDirectory {

	private final UserAccountRepository users;

	private final PasswordEncoder passwords;

	private final AuditLog audit;

	private final Clock clock;

	UserDirectory(UserAccountRepository users, PasswordEncoder passwords, AuditLog audit, Clock clock) {
		this.users = users;
		this.passwords = passwords;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Page<UserAccount> list(Pageable pageable) {
		return users.findAllByOrderByEmailAsc(pageable);
	}

	@Transactional(readOnly = true)
	public UserAccount get(UUID id) {
		return users.findById(id).orElseThrow(() -> NotFoundException.of("User", id));
	}

	@Transactional
	public UserAccount create(NewUser request) {
		String email = UserAccount.normalizeEmail(request.email());
		if (users.existsByEmail(email)) {
			throw new ConflictException("A user with the email " + email + " already exists.");
		}
		String displayName = request.displayName() == null || request.displayName().isBlank() ? email
				: request.displayName().trim();
		UserAccount user = UserAccount.create(email, displayName, passwords.encode(request.password()), request.role(),
				clock.instant());
		try {
			user = users.save(user);
		}
		catch (DuplicateKeyException raced) {
			throw new ConflictException("A user with the email " + email + " already exists.");
		}
		audit.record("user.created", "user:" + user.id(), Map.of("email", email, "role", user.role().name()));
		return user;
	}

	@Transactional
	public UserAccount update(UUID id, UserChange change) {
		UserAccount user = get(id);
		boolean wasActiveAdmin = user.isActiveAdmin();
		Map<String, Object> changed = new LinkedHashMap<>();
		if (change.displayName() != null && !change.displayName().equals(user.displayName())) {
			user.rename(change.displayName().trim(), clock.instant());
			changed.put("displayName", user.displayName());
		}
		if (change.role() != null && change.role() != user.role()) {
			changed.put("role", Map.of("from", user.role().name(), "to", change.role().name()));
			user.changeRole(change.role(), clock.instant());
		}
		if (change.enabled() != null && change.enabled() != user.enabled()) {
			user.setEnabled(change.enabled(), clock.instant());
			changed.put("enabled", user.enabled());
		}
		if (change.password() != null) {
			user.changePassword(passwords.encode(change.password()), clock.instant());
			changed.put("passwordChanged", true);
		}
		if (changed.isEmpty()) {
			return user;
		}
		if (wasActiveAdmin && !user.isActiveAdmin() && users.countActiveAdmins() <= 1) {
			throw new ConflictException("This is the last enabled administrator; make another user ADMIN first.");
		}
		user = users.save(user);
		audit.record("user.updated", "user:" + user.id(), changed);
		return user;
	}

	/**
	 * Changes the signed-in user's own password after checking the current one. Every
	 * console session of the account then ends at its next request (they carry the old
	 * password's stamp); the caller puts the returned principal into the session that
	 * asked, so that one goes on.
	 * @return the account as it is now, as a principal without its password hash
	 */
	@Transactional
	public StaysyncUser changeOwnPassword(UUID id, String currentPassword, String newPassword) {
		UserAccount user = get(id);
		if (currentPassword == null || !passwords.matches(currentPassword, user.passwordHash())) {
			throw InvalidInputException
				.of(List.of(new FieldProblem("currentPassword", "is not your current password")));
		}
		user.changePassword(passwords.encode(newPassword), clock.instant());
		user = users.save(user);
		audit.record("user.password_changed", "user:" + user.id(), Map.of("by", "self"));
		StaysyncUser principal = user.toPrincipal();
		principal.eraseCredentials();
		return principal;
	}

	/** What it takes to create a user; validated by the caller. */
	public record NewUser(String email, String displayName, String password, Role role) {
	}

	/** A partial change: {@code null} leaves a field as it is. */
	public record UserChange(String displayName, Role role, Boolean enabled, String password) {
	}

}

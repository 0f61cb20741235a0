package io.staysync.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in user, whether signed in by form, HTTP Basic or API token. Use it as
 * {@code @AuthenticationPrincipal StaysyncUser user}.
 */
public final class StaysyncUser implements UserDetails, CredentialsContainer {

	private final UUID id;

	private final String email;

	private final Role role;

	private final boolean enabled;

	private String passwordHash;

	/**
	 * What this user may do, as of signing in: kept after the password hash is erased.
	 */
	private final byte[] accessStamp;

	public StaysyncUser(UUID id, String email, Role role, boolean enabled, String passwordHash) {
		this.id = id;
		this.email = email;
		this.role = role;
		this.enabled = enabled;
		this.passwordHash = passwordHash;
		this.accessStamp = accessStamp(role, enabled, passwordHash);
	}

	/**
	 * Whether this user, as signed in, still has the role, status and password of the
	 * account as it is now; a session whose user does not is over.
	 */
	public boolean sameAccessAs(StaysyncUser current) {
		return id.equals(current.id) && MessageDigest.isEqual(accessStamp, current.accessStamp);
	}

	public UUID id() {
		return id;
	}

	public String email() {
		return email;
	}

	public Role role() {
		return role;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority(role.authority()));
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return email;
	}

	@Override
	public boolean isEnabled() {
		return enabled;
	}

	@Override
	public void eraseCredentials() {
		passwordHash = null;
	}

	/**
	 * A digest, not the hash itself: sessions hold this, and no password hash belongs in
	 * a session.
	 */
	private static byte[] accessStamp(Role role, boolean enabled, String passwordHash) {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			byte[] digest = sha256.digest((role + "|" + enabled + "|" + passwordHash).getBytes(StandardCharsets.UTF_8));
			return Arrays.copyOf(digest, 16);
		}
		catch (NoSuchAlgorithmException impossible) {
			throw new IllegalStateException("SHA-256 is required by every Java runtime", impossible);
		}
	}

	@Override
	public String toString() {
		return "StaysyncUser[" + email + ", " + role + "]";
	}

}

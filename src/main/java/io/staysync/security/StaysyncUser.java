package io.staysync.security;

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

	public StaysyncUser(UUID id, String email, Role role, boolean enabled, String passwordHash) {
		this.id = id;
		this.email = email;
		this.role = role;
		this.enabled = enabled;
		this.passwordHash = passwordHash;
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

	@Override
	public String toString() {
		return "StaysyncUser[" + email + ", " + role + "]";
	}

}

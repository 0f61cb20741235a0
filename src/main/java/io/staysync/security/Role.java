package io.staysync.security;

/**
 * What a user may do. ADMIN configures integrations, users and tokens; MANAGER runs the
 * business (properties, bookings, syncs); VIEWER reads.
 */
public enum Role {

	ADMIN, MANAGER, VIEWER;

	/** The Spring Security authority of this role, as {@code hasRole(...)} expects it. */
	public String authority() {
		return "ROLE_" + name();
	}

}

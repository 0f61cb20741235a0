/**
 * Who may do what: users with a {@link io.staysync.security.Role}, console sign-in with a
 * session, API access with hashed API tokens or HTTP Basic, one login throttle for every
 * way in, and the credential vault ({@code security.vault}, a named interface) that
 * encrypts channel secrets with a keyring.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Security",
		allowedDependencies = { "audit", "common", "web" })
package io.staysync.security;

/**
 * Who may do what: users with a {@link io.staysync.security.Role}, console sign-in with a
 * session, API access with hashed API tokens or HTTP Basic. Later also the credential vault
 * that encrypts channel secrets.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Security", allowedDependencies = { "audit", "common", "web" })
package io.staysync.security;

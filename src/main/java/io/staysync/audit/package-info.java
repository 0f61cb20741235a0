/**
 * Append-only audit trail: who did what, to what, and when. Every module records its
 * configuration changes through {@link io.staysync.audit.AuditLog}; details are redacted
 * so that no secret is ever written here.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit", allowedDependencies = { "common", "web" })
package io.staysync.audit;

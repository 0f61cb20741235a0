/**
 * Integrations: one per channel type, with its mode, sealed credentials, settings, status
 * and last sync, and the listing mappings from channel listings to properties. Secrets
 * are sealed with the security module's credential vault; connection tests go through the
 * channels SPI.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Integrations",
		allowedDependencies = { "channels", "properties", "bookings", "security :: vault", "audit", "common", "web" })
package io.staysync.integrations;

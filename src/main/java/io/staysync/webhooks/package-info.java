/**
 * Webhooks. Inbound: channel notifications are verified on their raw bytes before
 * anything else (Standard Webhooks signatures), stored once per event id in an inbox,
 * answered at once, and turned into a sync run in the background. Outbound
 * ({@code outbound}): integrators subscribe URLs to booking, conflict and integration
 * events; each change is written to a delivery outbox in its own transaction and sent,
 * signed the same Standard Webhooks way, retried and logged.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Webhooks", allowedDependencies = { "integrations",
		"channels", "sync", "bookings", "security :: vault", "audit", "common", "web" })
package io.staysync.webhooks;

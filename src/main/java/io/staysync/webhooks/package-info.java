/**
 * Webhooks. Inbound: channel notifications are verified on their raw bytes before
 * anything else (Standard Webhooks signatures), stored once per event id in an inbox,
 * answered at once, and turned into a sync run in the background. Outbound deliveries
 * come later.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Webhooks",
		allowedDependencies = { "integrations", "channels", "sync", "common" })
package io.staysync.webhooks;

/**
 * Sync: runs that fetch every mapped listing of an integration through its connector and
 * apply the bookings, one transaction per listing, with a full history ({@code SyncRun})
 * of every attempt. What each complete feed contained is reported to
 * {@link io.staysync.bookings.FeedMisses}, which cancels a booking only after two
 * consecutive misses.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Sync",
		allowedDependencies = { "integrations", "channels", "bookings", "security :: vault", "audit", "common", "web" })
package io.staysync.sync;

package io.staysync.sync.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Availability pushed to channels in API mode, bound from
 * {@code staysync.availability.*}: debounced per property and integration
 * ({@link AvailabilityPushes}), then retried with backoff ({@link AvailabilityPusher}).
 *
 * @param debounce how long a push waits for further changes of the same property; each
 * change moves it this much later (0s pushes at the next drain)
 * @param longestWait the latest a push is made after the first change it carries, however
 * busy the property
 * @param drainInterval how often the cluster pushes the due availability
 * @param retryBase the wait before the first retry of a failed push, doubled on each
 * further attempt (with full jitter)
 * @param retryCap the longest wait between two attempts, also for a channel's Retry-After
 * @param maxAttempts attempts after which a push is given up on until the property
 * changes again
 */
@ConfigurationProperties("staysync.availability")
record AvailabilitySettings(@DefaultValue("5s") Duration debounce, @DefaultValue("60s") Duration longestWait,
		@DefaultValue("5s") Duration drainInterval, @DefaultValue("30s") Duration retryBase,
		@DefaultValue("30m") Duration retryCap, @DefaultValue("8") int maxAttempts) {

	AvailabilitySettings {
		SettingChecks.requireNotNegative(debounce, "staysync.availability.debounce");
		SettingChecks.requirePositive(longestWait, "staysync.availability.longest-wait");
		SettingChecks.requirePositive(drainInterval, "staysync.availability.drain-interval");
		SettingChecks.requirePositive(retryBase, "staysync.availability.retry-base");
		SettingChecks.requirePositive(retryCap, "staysync.availability.retry-cap");
		SettingChecks.requireAtLeastOne(maxAttempts, "staysync.availability.max-attempts");
	}

}

package io.staysync.sync.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Resubmission of event publications no listener completed
 * ({@link IncompletePublications}), bound from {@code staysync.events.*}.
 *
 * @param resubmitInterval how often the cluster looks for incomplete publications
 * @param resubmitOlderThan how old an incomplete publication must be before it is handed
 * to its listener again; younger ones may still be in progress
 */
@ConfigurationProperties("staysync.events")
record EventSettings(@DefaultValue("1m") Duration resubmitInterval, @DefaultValue("5m") Duration resubmitOlderThan) {

	EventSettings {
		SettingChecks.requirePositive(resubmitInterval, "staysync.events.resubmit-interval");
		// Zero would deliver every publication a second time while its listener still
		// runs.
		SettingChecks.requirePositive(resubmitOlderThan, "staysync.events.resubmit-older-than");
	}

}

package io.staysync.sync.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When a listing counts as late, bound from {@code staysync.sync.*}.
 *
 * @param lateGrace how much longer than its integration's sync interval a listing may go
 * without a successful sync before it counts as late (the
 * {@code staysync.sync.listings.late} metric and the dashboard's line): room for a run's
 * own duration and for a slot spread within the interval
 */
@ConfigurationProperties("staysync.sync")
record LateSettings(@DefaultValue("5m") Duration lateGrace) {

	LateSettings {
		SettingChecks.requirePositive(lateGrace, "staysync.sync.late-grace");
	}

}

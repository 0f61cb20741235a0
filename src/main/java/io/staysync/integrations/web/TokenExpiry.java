package io.staysync.integrations.web;

import java.time.Duration;
import java.time.Instant;

/**
 * When an access token expires, in words a manager reads at a glance ("valid for another
 * 23 hours"). An expired one is no fault: the connector renews it at its next call.
 */
final class TokenExpiry {

	private TokenExpiry() {
	}

	static String words(Instant expiresAt, Instant now) {
		if (expiresAt == null) {
			return null;
		}
		if (!expiresAt.isAfter(now)) {
			return "expired " + span(Duration.between(expiresAt, now)) + " ago; renewed at the next call";
		}
		return "valid for another " + span(Duration.between(now, expiresAt)) + ", then renewed";
	}

	static String span(Duration duration) {
		long minutes = duration.toMinutes();
		if (minutes < 1) {
			return "less than a minute";
		}
		if (minutes < 90) {
			return minutes + (minutes == 1 ? " minute" : " minutes");
		}
		long hours = Math.round(minutes / 60.0);
		if (hours < 48) {
			return hours + " hours";
		}
		long days = Math.round(hours / 24.0);
		return days + " days";
	}

}

package io.staysync.channels.ical;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What Staysync reads from one iCal feed, bound from {@code staysync.channels.ical.*}.
 *
 * @param maxEventsPerFeed the most events one feed may have, and the most stays its
 * repeating events may make; a feed with more fails for its listing with a message naming
 * the number, and cancels nothing. A listing's real calendar has a few hundred; the
 * default leaves room for feeds that keep years of history.
 */
@ConfigurationProperties("staysync.channels.ical")
record IcalSettings(@DefaultValue("10000") int maxEventsPerFeed) {

	IcalSettings {
		if (maxEventsPerFeed < 1) {
			throw new IllegalArgumentException("staysync.channels.ical.max-events-per-feed must be at least 1");
		}
	}

	static IcalSettings defaults() {
		return new IcalSettings(ParseOptions.DEFAULT_MAX_EVENTS);
	}

}

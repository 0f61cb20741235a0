package io.staysync.channels.ical;

import java.util.List;
import java.util.Objects;

/**
 * What a feed said: a verdict, the sentence to show a manager when it cannot be used, and
 * its events (none unless usable).
 */
public record ParsedFeed(FeedVerdict verdict, String problem, List<FeedEvent> events) {

	public ParsedFeed {
		Objects.requireNonNull(verdict, "verdict");
		events = events == null ? List.of() : List.copyOf(events);
		if ((verdict == FeedVerdict.CALENDAR) != (problem == null)) {
			throw new IllegalArgumentException("a problem is required exactly when the feed is not usable");
		}
		if (verdict != FeedVerdict.CALENDAR && !events.isEmpty()) {
			throw new IllegalArgumentException("a feed that is not usable has no events");
		}
	}

	static ParsedFeed calendar(List<FeedEvent> events) {
		return new ParsedFeed(FeedVerdict.CALENDAR, null, events);
	}

	static ParsedFeed unusable(FeedVerdict verdict, String problem) {
		return new ParsedFeed(verdict, problem, List.of());
	}

	/**
	 * Whether the feed is a readable calendar with at least one event: only then may it
	 * change bookings.
	 */
	public boolean usable() {
		return verdict == FeedVerdict.CALENDAR;
	}

}

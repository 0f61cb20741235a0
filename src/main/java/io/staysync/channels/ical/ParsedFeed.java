package io.staysync.channels.ical;

import java.util.List;
import java.util.Objects;

/**
 * What a feed said: a verdict, the sentence to show a manager when it cannot be used, its
 * events (none unless usable), and the events of a usable feed that were left out, each
 * said in a sentence. A feed with events left out is not a complete picture: what is
 * missing from it may be one of them, so it must cancel nothing.
 */
public record ParsedFeed(FeedVerdict verdict, String problem, List<FeedEvent> events, List<String> refusedEvents) {

	public ParsedFeed {
		Objects.requireNonNull(verdict, "verdict");
		events = events == null ? List.of() : List.copyOf(events);
		refusedEvents = refusedEvents == null ? List.of() : List.copyOf(refusedEvents);
		if ((verdict == FeedVerdict.CALENDAR) != (problem == null)) {
			throw new IllegalArgumentException("a problem is required exactly when the feed is not usable");
		}
		if (verdict != FeedVerdict.CALENDAR && !(events.isEmpty() && refusedEvents.isEmpty())) {
			throw new IllegalArgumentException("a feed that is not usable has no events");
		}
	}

	public ParsedFeed(FeedVerdict verdict, String problem, List<FeedEvent> events) {
		this(verdict, problem, events, List.of());
	}

	static ParsedFeed calendar(List<FeedEvent> events, List<String> refusedEvents) {
		return new ParsedFeed(FeedVerdict.CALENDAR, null, events, refusedEvents);
	}

	static ParsedFeed calendar(List<FeedEvent> events) {
		return calendar(events, List.of());
	}

	static ParsedFeed unusable(FeedVerdict verdict, String problem) {
		return new ParsedFeed(verdict, problem, List.of(), List.of());
	}

	/**
	 * Whether the feed is a readable calendar with at least one event: only then may it
	 * change bookings.
	 */
	public boolean usable() {
		return verdict == FeedVerdict.CALENDAR;
	}

	/**
	 * Whether every event of a usable feed was read: only then may it cancel bookings.
	 */
	public boolean complete() {
		return usable() && refusedEvents.isEmpty();
	}

}

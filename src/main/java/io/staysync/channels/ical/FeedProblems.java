package io.staysync.channels.ical;

/**
 * The sentences a manager reads when a feed cannot be used: what came back, and what it
 * usually means. They never quote the body, which may hold a guest's name or a token.
 */
final class FeedProblems {

	static final String EMPTY_RESPONSE = "The feed answered with an empty response, not a calendar — "
			+ "the channel may be having trouble, or the link may no longer work.";

	static final String HTML = "The feed answered with a web page (HTML), not a calendar — "
			+ "often a login page or an expired link.";

	static final String NOT_CALENDAR = "The feed answered with something that is not a calendar — "
			+ "check that the link is the channel's iCal export link (it usually ends in .ics).";

	static final String TRUNCATED = "The calendar stops before its end (no END:VCALENDAR) — "
			+ "the download was probably cut short.";

	static final String NO_EVENTS = "The calendar has no events at all — "
			+ "if the listing does have bookings, the link may point to the wrong calendar.";

	static final String TOO_MANY_TIME_ZONES = "The calendar declares an unreasonable number of time zones, "
			+ "so it was not read.";

	static final String UNREADABLE = "The calendar could not be read: it breaks the iCalendar format.";

	private FeedProblems() {
	}

	static String malformedNear(int line) {
		return line > 0 ? "The calendar could not be read: it breaks the iCalendar format near line " + line + "."
				: UNREADABLE;
	}

	static String unreadableEvent(String reason) {
		return "The calendar could not be read: " + reason + ".";
	}

}

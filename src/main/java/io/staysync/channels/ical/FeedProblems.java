package io.staysync.channels.ical;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.staysync.common.TimeLimit;

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

	/** The most events named one by one when several are left out. */
	static final int MAX_NAMED_REFUSALS = 10;

	/** The most of a UID quoted. */
	private static final int MAX_QUOTED_UID = 80;

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

	static String tooManyEvents(int max) {
		return String.format(Locale.ROOT, "The calendar has more than %,d events, the most Staysync reads from one "
				+ "feed, so none of it was used and nothing was cancelled.", max);
	}

	static String tooManyStays(int max) {
		return String.format(Locale.ROOT, "The calendar's repeating events make more than %,d stays, the most "
				+ "Staysync reads from one feed, so none of it was used and nothing was cancelled.", max);
	}

	static String tooManyTimeZoneNames(int max) {
		return "The calendar names more than " + max + " different time zones, more than any real calendar needs, "
				+ "so it was not read.";
	}

	static String timeZoneNameTooLong(int max) {
		return "The calendar names a time zone with more than " + max + " characters, longer than any real time "
				+ "zone name, so it was not read.";
	}

	static String outOfTime(Duration limit) {
		return "Reading the calendar took longer than " + TimeLimit.words(limit) + ", the most one listing may take, "
				+ "so it was stopped: none of it was used and nothing was cancelled.";
	}

	/**
	 * One event left out of a calendar that is otherwise used.
	 * @param reason why, completing "it …"
	 */
	static String refusedEvent(String uid, String reason) {
		String quoted = uid.length() <= MAX_QUOTED_UID ? uid : uid.substring(0, MAX_QUOTED_UID) + "…";
		return "The event " + quoted + " was left out: " + reason + ".";
	}

	/**
	 * The first {@value #MAX_NAMED_REFUSALS} events left out, and how many more there
	 * were.
	 */
	static List<String> named(List<String> refused) {
		if (refused.size() <= MAX_NAMED_REFUSALS) {
			return refused;
		}
		List<String> named = new ArrayList<>(refused.subList(0, MAX_NAMED_REFUSALS));
		named.add(String.format(Locale.ROOT, "%,d more events were left out for reasons like these.",
				refused.size() - MAX_NAMED_REFUSALS));
		return named;
	}

}

package io.staysync.channels.ical;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The verdicts that need no calendar reader: an empty answer, a web page, something else,
 * a cut download. What passes is the calendar itself, from {@code BEGIN:VCALENDAR} to the
 * last {@code END:VCALENDAR}, so that a PHP warning before it or a stray byte after it
 * does not cost the whole feed.
 */
final class FeedShape {

	private static final Pattern BEGIN = Pattern.compile("^[ \\t]*BEGIN:VCALENDAR[ \\t]*$",
			Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);

	private static final Pattern END = Pattern.compile("^[ \\t]*END:VCALENDAR[ \\t]*$",
			Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);

	private static final Pattern TIME_ZONE = Pattern.compile("^BEGIN:VTIMEZONE",
			Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);

	private static final Pattern EVENT = Pattern.compile("^BEGIN:VEVENT", Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);

	/**
	 * Each declared time zone takes one of ical4j's JVM-wide zone ids until the calendar
	 * is garbage-collected; real feeds declare a handful, a hostile one could take them
	 * all.
	 */
	private static final int MAX_TIME_ZONES = 50;

	private final ParsedFeed rejection;

	private final String calendar;

	private final int linesBefore;

	private FeedShape(ParsedFeed rejection, String calendar, int linesBefore) {
		this.rejection = rejection;
		this.calendar = calendar;
		this.linesBefore = linesBefore;
	}

	/**
	 * @param lines the body as {@link FeedText#read} gives it
	 * @param maxEvents the most events the calendar may have: counted here, before ical4j
	 * builds an object for each of their properties
	 */
	static FeedShape of(String lines, String contentType, int maxEvents) {
		String content = lines.strip();
		if (content.isEmpty()) {
			return rejected(FeedVerdict.NOT_CALENDAR, FeedProblems.EMPTY_RESPONSE);
		}
		if (content.startsWith("<")) {
			return rejected(FeedVerdict.HTML, FeedProblems.HTML);
		}
		Matcher begin = BEGIN.matcher(lines);
		if (!begin.find()) {
			return looksLikeHtml(lines, contentType) ? rejected(FeedVerdict.HTML, FeedProblems.HTML)
					: rejected(FeedVerdict.NOT_CALENDAR, FeedProblems.NOT_CALENDAR);
		}
		int end = lastEnd(lines, begin.end());
		if (end < 0) {
			return rejected(FeedVerdict.TRUNCATED, FeedProblems.TRUNCATED);
		}
		String calendar = lines.substring(begin.start(), end) + "\r\n";
		if (more(TIME_ZONE, calendar, MAX_TIME_ZONES)) {
			return rejected(FeedVerdict.OVER_LIMIT, FeedProblems.TOO_MANY_TIME_ZONES);
		}
		if (more(EVENT, calendar, maxEvents)) {
			return rejected(FeedVerdict.OVER_LIMIT, FeedProblems.tooManyEvents(maxEvents));
		}
		Optional<String> timeZoneNames = TimeZoneIds.problem(calendar);
		if (timeZoneNames.isPresent()) {
			return rejected(FeedVerdict.OVER_LIMIT, timeZoneNames.get());
		}
		int linesBefore = (int) lines.substring(0, begin.start()).chars().filter(c -> c == '\n').count();
		return new FeedShape(null, calendar, linesBefore);
	}

	/** Why the feed cannot be used, when that is clear before reading it. */
	Optional<ParsedFeed> rejection() {
		return Optional.ofNullable(rejection);
	}

	/** The calendar, unfolded, CRLF line endings, no blank lines. */
	String calendar() {
		return calendar;
	}

	/**
	 * How many lines of the body came before the calendar, to report a line the manager
	 * can find.
	 */
	int linesBefore() {
		return linesBefore;
	}

	/** Whether the text has more than {@code max} lines starting so. */
	private static boolean more(Pattern line, String text, int max) {
		return line.matcher(text).results().limit(max + 1L).count() > max;
	}

	private static int lastEnd(String lines, int from) {
		Matcher end = END.matcher(lines);
		int last = -1;
		while (end.find()) {
			if (end.start() >= from) {
				last = end.end();
			}
		}
		return last;
	}

	private static boolean looksLikeHtml(String lines, String contentType) {
		String lower = lines.toLowerCase(Locale.ROOT);
		boolean htmlType = contentType != null && contentType.toLowerCase(Locale.ROOT).contains("html");
		return htmlType || lower.contains("<html") || lower.contains("<!doctype html") || lower.contains("<body");
	}

	private static FeedShape rejected(FeedVerdict verdict, String problem) {
		return new FeedShape(ParsedFeed.unusable(verdict, problem), null, 0);
	}

}

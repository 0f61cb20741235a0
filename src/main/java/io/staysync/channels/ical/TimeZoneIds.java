package io.staysync.channels.ical;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The time zone names (TZIDs) a calendar uses, checked in one pass over its text before
 * ical4j reads it. Real calendars name a handful of zones, none longer than about 60
 * characters (Outlook's {@code (UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm,
 * Vienna}); every name costs a registry lookup and, when it is unknown, a search for the
 * zone it ends with (see {@link UnknownTimeZones}), which is quadratic in its length. So
 * a calendar naming more than {@value #MAX_DISTINCT} zones, or one longer than
 * {@value #MAX_LENGTH} characters, is refused.
 */
final class TimeZoneIds {

	static final int MAX_LENGTH = 255;

	static final int MAX_DISTINCT = 50;

	/** A TZID parameter ({@code DTSTART;TZID=Europe/Paris:…}), quoted or not. */
	private static final Pattern PARAMETER = Pattern.compile(";TZID=(\"[^\"\\r\\n]*\"|[^;:\\r\\n]*)",
			Pattern.CASE_INSENSITIVE);

	/** A VTIMEZONE's own TZID property. */
	private static final Pattern PROPERTY = Pattern.compile("^TZID(?:;[^:\\r\\n]*)?:([^\\r\\n]*)",
			Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);

	private TimeZoneIds() {
	}

	/**
	 * @param calendar the unfolded calendar, CRLF line endings
	 * @return why the calendar is refused, if it is
	 */
	static Optional<String> problem(String calendar) {
		Set<String> names = new HashSet<>();
		for (Pattern pattern : List.of(PARAMETER, PROPERTY)) {
			Matcher name = pattern.matcher(calendar);
			while (name.find()) {
				String id = unquoted(name.group(1).strip());
				if (id.length() > MAX_LENGTH) {
					return Optional.of(FeedProblems.timeZoneNameTooLong(MAX_LENGTH));
				}
				if (names.add(id) && names.size() > MAX_DISTINCT) {
					return Optional.of(FeedProblems.tooManyTimeZoneNames(MAX_DISTINCT));
				}
			}
		}
		return Optional.empty();
	}

	private static String unquoted(String id) {
		return id.length() >= 2 && id.startsWith("\"") && id.endsWith("\"") ? id.substring(1, id.length() - 1) : id;
	}

}

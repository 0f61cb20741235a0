package io.staysync.channels.ical;

/**
 * What a fetched body turned out to be. Only {@link #CALENDAR} may change bookings: the
 * others are the shapes a broken fetch takes (a login page, a cut download, an empty
 * answer), and reading them as "no bookings" would cancel every stay of the listing.
 */
public enum FeedVerdict {

	/** A readable calendar with at least one event. */
	CALENDAR,

	/** A readable calendar without any event. */
	EMPTY,

	/** A web page, usually a login page or the channel's "link expired" page. */
	HTML,

	/** Something else: an empty response, JSON, an error text, random bytes. */
	NOT_CALENDAR,

	/** A calendar that stops before {@code END:VCALENDAR}: the download was cut. */
	TRUNCATED,

	/** A calendar that breaks the iCalendar format so badly it cannot be read. */
	MALFORMED,

	/**
	 * A calendar beyond what Staysync reads from one feed: too many events or time zones,
	 * a time zone name longer than any real one, or too long to read.
	 */
	OVER_LIMIT

}

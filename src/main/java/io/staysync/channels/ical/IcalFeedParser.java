package io.staysync.channels.ical;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.component.VEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.staysync.common.TimeLimit.TimeLimitExceeded;

/**
 * Reads a fetched iCal feed (Airbnb, Booking.com, Vrbo, any calendar) into the stays and
 * blocks of one property, in the property's own dates, and says whether the feed can be
 * trusted at all. Only a {@link ParsedFeed#usable() usable} feed may change bookings: an
 * empty answer, a login page, a cut download or a broken calendar must never read as
 * "every booking is gone".
 * <p>
 * What it copes with: a byte-order mark, a charset from the Content-Type (else UTF-8),
 * CRLF, LF or both, folded lines, escapes; all-day events end-exclusive (DTEND is the
 * departure day, a DTSTART alone is one night, DURATION works too); timed events with a
 * TZID, in UTC or floating, turned into the property's dates; RRULE, RDATE, EXDATE and
 * RECURRENCE-ID; {@code STATUS:CANCELLED} and {@code STATUS:TENTATIVE}. Events without
 * DTSTART are skipped; events without UID get a synthetic one, a hash of their DTSTART,
 * DTEND (or DURATION) and SUMMARY, which changes when any of them does; see
 * {@link FeedEvents} for repeated UIDs and recurrences and {@link EventTitles} for what
 * titles mean.
 * <p>
 * What a feed may cost is bounded, because anyone who can put a link in a listing can
 * write one: the number of events and of stays they make
 * ({@link ParseOptions#maxEvents()}), the number and length of time zone names
 * ({@link TimeZoneIds}), the occurrences of one event and the rules that make them
 * ({@link Occurrences}, {@link RecurrenceStart}), and the time spent
 * ({@link ParseOptions#timeLimit()}, checked while ical4j reads and between events). Past
 * a feed-wide bound the feed is {@link FeedVerdict#OVER_LIMIT}; past an event's, that
 * event is left out and named.
 * <p>
 * Stateless and thread-safe; it never throws for what a feed contains, and never makes a
 * network call.
 */
public final class IcalFeedParser {

	private static final Logger log = LoggerFactory.getLogger(IcalFeedParser.class);

	public ParsedFeed parse(byte[] body, String contentType, ParseOptions options) {
		Objects.requireNonNull(options, "options");
		try {
			return parseOrFail(body, contentType, options);
		}
		catch (RuntimeException | StackOverflowError unexpected) {
			// A bug, not the feed's fault: the feed is still refused as a whole (nothing
			// of it applied), and the cause is kept for whoever reads the log.
			log.warn("Reading an iCal feed failed unexpectedly; it was refused as unreadable", unexpected);
			return ParsedFeed.unusable(FeedVerdict.MALFORMED, FeedProblems.UNREADABLE);
		}
	}

	/**
	 * {@link #parse} without its last resort: what a bug throws is thrown, so that the
	 * fuzz tests see it instead of a feed refused as unreadable.
	 */
	ParsedFeed parseOrFail(byte[] body, String contentType, ParseOptions options) {
		try {
			return read(body == null ? new byte[0] : body, contentType, options);
		}
		catch (TimeLimitExceeded outOfTime) {
			return outOfTime(outOfTime);
		}
		catch (FeedOverLimitException overLimit) {
			return ParsedFeed.unusable(FeedVerdict.OVER_LIMIT, overLimit.getMessage());
		}
	}

	private ParsedFeed read(byte[] body, String contentType, ParseOptions options) {
		if (body.length == 0) {
			return ParsedFeed.unusable(FeedVerdict.NOT_CALENDAR, FeedProblems.EMPTY_RESPONSE);
		}
		FeedShape shape = FeedShape.of(FeedText.read(body, contentType), contentType, options.maxEvents());
		if (shape.rejection().isPresent()) {
			return shape.rejection().get();
		}
		options.timeLimit().check();
		Calendar calendar;
		try {
			calendar = RelaxedCalendarBuilder.build(shape.calendar(), options.timeLimit());
		}
		catch (ParserException malformed) {
			Optional<TimeLimitExceeded> outOfTime = outOfTime(malformed);
			if (outOfTime.isPresent()) {
				return outOfTime(outOfTime.get());
			}
			int line = malformed.getLineNo() > 0 ? malformed.getLineNo() + shape.linesBefore() : 0;
			return ParsedFeed.unusable(FeedVerdict.MALFORMED, FeedProblems.malformedNear(line));
		}
		catch (IOException cannotHappenOnAString) {
			return ParsedFeed.unusable(FeedVerdict.MALFORMED, FeedProblems.UNREADABLE);
		}
		List<VEvent> vevents = calendar.getComponents(Component.VEVENT);
		if (vevents.isEmpty()) {
			return ParsedFeed.unusable(FeedVerdict.EMPTY, FeedProblems.NO_EVENTS);
		}
		try {
			FeedEvents.Reading reading = new FeedEvents(options).read(vevents);
			return ParsedFeed.calendar(reading.events(), reading.refused());
		}
		catch (UnreadableEventException unreadable) {
			return ParsedFeed.unusable(FeedVerdict.MALFORMED, FeedProblems.unreadableEvent(unreadable.getMessage()));
		}
	}

	private static ParsedFeed outOfTime(TimeLimitExceeded outOfTime) {
		return ParsedFeed.unusable(FeedVerdict.OVER_LIMIT, FeedProblems.outOfTime(outOfTime.limit().total()));
	}

	/** The time limit passing while ical4j was reading, which it reports as malformed. */
	private static Optional<TimeLimitExceeded> outOfTime(ParserException malformed) {
		for (Throwable cause = malformed.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof TimeLimitExceeded outOfTime) {
				return Optional.of(outOfTime);
			}
		}
		return Optional.empty();
	}

}

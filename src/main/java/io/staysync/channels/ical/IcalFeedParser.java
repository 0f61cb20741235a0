package io.staysync.channels.ical;

import java.io.IOException;
import java.util.List;
import java.util.Objects;

import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.component.VEvent;

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
 * Stateless and thread-safe; it never throws for what a feed contains, and never makes a
 * network call.
 */
public final class IcalFeedParser {

	public ParsedFeed parse(byte[] body, String contentType, ParseOptions options) {
		Objects.requireNonNull(options, "options");
		try {
			return read(body == null ? new byte[0] : body, contentType, options);
		}
		catch (RuntimeException | StackOverflowError unexpected) {
			return ParsedFeed.unusable(FeedVerdict.MALFORMED, FeedProblems.UNREADABLE);
		}
	}

	private ParsedFeed read(byte[] body, String contentType, ParseOptions options) {
		if (body.length == 0) {
			return ParsedFeed.unusable(FeedVerdict.NOT_CALENDAR, FeedProblems.EMPTY_RESPONSE);
		}
		FeedShape shape = FeedShape.of(FeedText.read(body, contentType), contentType);
		if (shape.rejection().isPresent()) {
			return shape.rejection().get();
		}
		Calendar calendar;
		try {
			calendar = RelaxedCalendarBuilder.build(shape.calendar());
		}
		catch (ParserException malformed) {
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
			return ParsedFeed.calendar(new FeedEvents(options).read(vevents));
		}
		catch (UnreadableEventException unreadable) {
			return ParsedFeed.unusable(FeedVerdict.MALFORMED, FeedProblems.unreadableEvent(unreadable.getMessage()));
		}
	}

}

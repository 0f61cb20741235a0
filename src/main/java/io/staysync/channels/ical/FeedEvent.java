package io.staysync.channels.ical;

import java.time.LocalDate;

/**
 * One stay or block of a feed in the property's own dates, {@code checkOut} being the
 * departure day (end-exclusive, at least one night after {@code checkIn}).
 *
 * @param uid the event's UID; {@code <UID>/<yyyy-MM-dd>} for one occurrence of a
 * recurring event; a synthetic one for events without UID (see {@link IcalFeedParser})
 * @param cancelled whether the feed marks the event {@code STATUS:CANCELLED}
 * @param title the event's SUMMARY as the feed wrote it, or {@code null}
 * @param confirmationCode the channel's booking code (Airbnb {@code HM…}) when the event
 * carries one, or {@code null}
 */
public record FeedEvent(String uid, FeedEventKind kind, boolean cancelled, LocalDate checkIn, LocalDate checkOut,
		String title, String confirmationCode) {
}

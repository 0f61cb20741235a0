package io.staysync.channels.ical;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Writes a property's bookings as an RFC 5545 calendar that channels import: all-day
 * events (stays are property dates, so no time zone can shift them), DTEND the departure
 * day, CRLF line endings and lines folded at 75 octets. Written by hand rather than
 * through ical4j because the bytes are the contract here (Airbnb, Booking.com and Google
 * each read them, Google dropping a feed silently when folding is wrong) and the format
 * is small.
 */
public final class IcalExportWriter {

	static final String PRODID = "-//Staysync//Staysync 0.1//EN";

	private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

	private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	/**
	 * @param calendarName shown by calendars that subscribe (X-WR-CALNAME)
	 * @param stamp when the feed was written, DTSTAMP of every event
	 */
	public String write(String calendarName, List<ExportEvent> events, Instant stamp) {
		String dtstamp = UTC_TIME.format(stamp.truncatedTo(ChronoUnit.SECONDS));
		ContentLines lines = new ContentLines().add("BEGIN", "VCALENDAR")
			.add("VERSION", "2.0")
			.add("PRODID", PRODID)
			.add("CALSCALE", "GREGORIAN")
			.add("METHOD", "PUBLISH")
			.addText("X-WR-CALNAME", calendarName == null ? "" : calendarName);
		for (ExportEvent event : events) {
			lines.add("BEGIN", "VEVENT")
				.addText("UID", event.uid())
				.add("DTSTAMP", dtstamp)
				.add("DTSTART;VALUE=DATE", date(event.checkIn()))
				.add("DTEND;VALUE=DATE", date(event.checkOut()));
			if (event.summary() != null) {
				lines.addText("SUMMARY", event.summary());
			}
			lines.add("TRANSP", "OPAQUE").add("END", "VEVENT");
		}
		return lines.add("END", "VCALENDAR").toString();
	}

	private static String date(LocalDate date) {
		return DATE.format(date);
	}

}

package io.staysync.channels;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;

import io.staysync.bookings.BookingKind;
import io.staysync.bookings.ExportedStay;
import io.staysync.channels.ical.ExportEvent;
import io.staysync.channels.ical.IcalExportWriter;

/**
 * Writes a property's export feed as RFC 5545 text. Events say only that the nights are
 * not available: a feed URL can be shared with a channel, and guests' names have no place
 * in it.
 */
@Component
public class CalendarExport {

	private final IcalExportWriter writer = new IcalExportWriter();

	public String write(String calendarName, List<ExportedStay> stays, Instant stamp) {
		return writer.write(calendarName,
				stays.stream()
					.map(stay -> new ExportEvent(stay.uid(), stay.checkIn(), stay.checkOut(),
							stay.kind() == BookingKind.RESERVATION ? "Reserved" : "Not available"))
					.toList(),
				stamp);
	}

}

package io.staysync.channels.ical;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import io.staysync.common.TimeLimit;
import io.staysync.fuzz.FuzzInputs;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever a feed holds, the parser answers with a verdict without reaching its last
 * resort (which would hide a bug as "breaks the iCalendar format"); a usable feed's stays
 * have a UID and at least one night. Run in fuzzing mode by {@code ./mvnw verify}
 * (bounded), longer on demand: see docs/testing.md.
 */
class IcalFeedParserFuzzTests {

	private static final List<byte[]> FEEDS = FuzzInputs.resources("/channels/ical/airbnb-listing.ics",
			"/channels/ical/airbnb-ugly.ics", "/channels/ical/bookingcom-room.ics", "/channels/ical/vrbo-de.ics",
			"/channels/ical/google-recurring.ics", "/channels/ical/google-timed.ics", "/channels/ical/outlook.ics",
			"/channels/ical/duration.ics", "/channels/ical/status.ics", "/channels/ical/missing-uid.ics",
			"/channels/ical/duplicate-uids.ics", "/channels/ical/vrbo-fr-latin1.ics");

	private static final List<String> ICAL = List.of("BEGIN:VEVENT\r\n", "END:VEVENT\r\n", "BEGIN:VCALENDAR\r\n",
			"END:VCALENDAR\r\n", "BEGIN:VTIMEZONE\r\nTZID:X\r\nEND:VTIMEZONE\r\n", "BEGIN:X-NESTED\r\n",
			"DTSTART;VALUE=DATE:99991231\r\n", "DTSTART;VALUE=DATE:00010101\r\n", "DTEND;VALUE=DATE:20270230\r\n",
			"DTSTART:20270101T000000Z\r\n", "DTSTART;TZID=Mars/Olympus_Mons:20270101T100000\r\n",
			"DTEND;TZID=Europe/Lisbon:20270105T100000\r\n", "DURATION:P99999999D\r\n", "DURATION:-P1D\r\n",
			"DURATION:PT0S\r\n", "RRULE:FREQ=SECONDLY\r\n", "RRULE:FREQ=DAILY;COUNT=2147483647\r\n",
			"RRULE:FREQ=YEARLY;BYMONTH=13;BYMONTHDAY=-40\r\n", "RRULE:FREQ=WEEKLY;UNTIL=00000101\r\n",
			"RDATE;VALUE=PERIOD:20270101T000000Z/P1D\r\n", "EXDATE;VALUE=DATE:20270101,\r\n",
			"RECURRENCE-ID;VALUE=DATE:20270102\r\n", "RECURRENCE-ID;RANGE=THISANDFUTURE:20270102T000000Z\r\n",
			"UID:\r\n", "UID:x\r\n", "STATUS:CANCELLED\r\n", "SUMMARY:Reserved\r\n",
			"SUMMARY:Airbnb (Not available)\r\n",
			"DESCRIPTION:Reservation URL: https://www.airbnb.com/hosting/reservations/details/HMABCDEFGH\r\n",
			"X-;;;:\r\n", ";VALUE=DATE-TIME", "\uFEFF", "\r\n\t");

	private static final List<ZoneId> ZONES = List.of(ZoneId.of("Europe/Lisbon"), ZoneId.of("Pacific/Kiritimati"),
			ZoneId.of("America/St_Johns"), ZoneId.of("UTC"));

	private static final List<String> CONTENT_TYPES = List.of("text/calendar; charset=utf-8", "text/calendar",
			"text/html", "text/calendar; charset=ISO-8859-1", "text/calendar; charset=UTF-16",
			"text/calendar; charset=\"no-such-charset\"", "application/octet-stream; charset=");

	private final IcalFeedParser parser = new IcalFeedParser();

	@FuzzTest(maxDuration = "10s")
	void anyFeedGetsAVerdict(FuzzedDataProvider data) {
		ParseOptions options = new ParseOptions(ZONES.get(data.consumeInt(0, ZONES.size() - 1)),
				LocalDate.of(2020, 1, 1), LocalDate.of(2035, 1, 1), data.consumeBoolean(), 500,
				TimeLimit.after(Duration.ofSeconds(2)));
		String contentType = data.consumeBoolean() ? null
				: CONTENT_TYPES.get(data.consumeInt(0, CONTENT_TYPES.size() - 1));
		byte[] feed = FuzzInputs.of(data, FEEDS, ICAL, 256 * 1024);

		ParsedFeed parsed = parser.parseOrFail(feed, contentType, options);

		assertThat(parsed.events()).hasSizeLessThanOrEqualTo(options.maxEvents());
		for (FeedEvent event : parsed.events()) {
			assertThat(event.uid()).isNotBlank();
			assertThat(event.kind()).isNotNull();
			assertThat(event.checkOut()).isAfter(event.checkIn());
		}
	}

}

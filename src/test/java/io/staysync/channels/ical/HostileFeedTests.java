package io.staysync.channels.ical;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.staysync.common.TimeLimit;

import static io.staysync.channels.ical.FeedEventKind.BLOCK;
import static io.staysync.channels.ical.FeedEventKind.RESERVATION;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Feeds written to hurt whoever reads them: each would take minutes or gigabytes without
 * its bound, and each must end quickly in a clear verdict (or with the offending event
 * left out and named) while what is readable is read. None of these tests times anything:
 * a bound that stopped working would make them hang, not fail on a stopwatch.
 */
class HostileFeedTests {

	static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");

	static final ParseOptions OPTIONS = new ParseOptions(LISBON, LocalDate.of(2026, 12, 1), LocalDate.of(2028, 12, 1),
			false);

	static final String STAY = """
			BEGIN:VEVENT
			UID:guest@airbnb.com
			DTSTART;VALUE=DATE:20270105
			DTEND;VALUE=DATE:20270109
			SUMMARY:Reserved
			END:VEVENT
			""";

	final IcalFeedParser parser = new IcalFeedParser();

	@Test
	void twentyEventsRepeatingEverySecondSinceJanuaryAreLeftOutAndTheStayIsRead() {
		StringBuilder bomb = new StringBuilder(STAY);
		for (int i = 0; i < 20; i++) {
			bomb.append("BEGIN:VEVENT\nUID:bomb-")
				.append(i)
				.append("@evil.example\n")
				.append("DTSTART:20260101T000000Z\nDTEND:20260101T000001Z\nRRULE:FREQ=SECONDLY\n")
				.append("SUMMARY:Blocked\nEND:VEVENT\n");
		}
		byte[] body = calendar(bomb.toString());
		assertThat(body.length).as("a feed of about 2 KB").isLessThan(3 * 1024);

		ParsedFeed feed = parser.parse(body, "text/calendar", OPTIONS);

		assertThat(feed.usable()).isTrue();
		assertThat(feed.complete()).isFalse();
		assertThat(feed.events()).containsExactly(new FeedEvent("guest@airbnb.com", RESERVATION, false,
				date("2027-01-05"), date("2027-01-09"), "Reserved", null));
		assertThat(feed.refusedEvents()).hasSize(20)
			.allSatisfy(
					refusal -> assertThat(refusal).contains("was left out: it repeats every second (FREQ=SECONDLY)"));
		assertThat(FeedProblems.named(feed.refusedEvents())).hasSize(FeedProblems.MAX_NAMED_REFUSALS + 1)
			.last()
			.isEqualTo("10 more events were left out for reasons like these.");
	}

	@Test
	void rulesRepeatingSeveralTimesADayInDisguiseAreLeftOutToo() {
		ParsedFeed feed = parser.parse(calendar(STAY + """
				BEGIN:VEVENT
				UID:minutely@evil.example
				DTSTART:20270101T000000Z
				RRULE:FREQ=MINUTELY;INTERVAL=1440
				END:VEVENT
				BEGIN:VEVENT
				UID:by-hour@evil.example
				DTSTART:20270101T000000Z
				RRULE:FREQ=DAILY;BYHOUR=0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23
				END:VEVENT
				BEGIN:VEVENT
				UID:by-second@evil.example
				DTSTART:20270101T000000Z
				RRULE:FREQ=YEARLY;BYSECOND=0,1,2
				END:VEVENT
				"""), "text/calendar", OPTIONS);

		assertThat(feed.events()).extracting(FeedEvent::uid).containsExactly("guest@airbnb.com");
		assertThat(feed.refusedEvents()).containsExactly(
				"The event minutely@evil.example was left out: it repeats every minute (FREQ=MINUTELY), "
						+ "and a stay cannot begin more than once a day.",
				"The event by-hour@evil.example was left out: its rule repeats several times a day (more than one "
						+ "BYHOUR, BYMINUTE or BYSECOND value), and a stay cannot begin more than once a day.",
				"The event by-second@evil.example was left out: its rule repeats several times a day (more than one "
						+ "BYHOUR, BYMINUTE or BYSECOND value), and a stay cannot begin more than once a day.");
	}

	@Test
	void aWeeklyRuleBegunInNineteenNinetyHasExactlyItsMondaysInTheHorizon() {
		ParsedFeed feed = parser.parse(calendar("""
				BEGIN:VEVENT
				UID:since-1990@pms.example
				DTSTART;TZID=Europe/Paris:19900101T150000
				DTEND;TZID=Europe/Paris:19900102T100000
				RRULE:FREQ=WEEKLY
				SUMMARY:Owner stay
				END:VEVENT
				"""), "text/calendar", OPTIONS);

		// every Monday whose one-night stay is not over before the horizon starts
		List<LocalDate> mondays = Stream.iterate(OPTIONS.horizonStart().minusDays(1), day -> day.plusDays(1))
			.takeWhile(day -> day.isBefore(OPTIONS.horizonEnd()))
			.filter(day -> day.getDayOfWeek() == DayOfWeek.MONDAY)
			.toList();
		assertThat(feed.complete()).isTrue();
		assertThat(feed.events()).extracting(FeedEvent::checkIn).containsExactlyElementsOf(mondays);
		assertThat(feed.events()).allSatisfy(event -> {
			assertThat(event.uid()).isEqualTo("since-1990@pms.example/" + event.checkIn());
			assertThat(event.checkOut()).isEqualTo(event.checkIn().plusDays(1));
			assertThat(event.kind()).isEqualTo(BLOCK);
		});
	}

	@Test
	void anEventWithMoreOccurrencesThanAStayCanHaveIsLeftOut() {
		StringBuilder dates = new StringBuilder();
		LocalDate day = LocalDate.of(2027, 1, 1);
		for (int i = 0; i < 1200; i++) {
			dates.append(i == 0 ? "" : ",")
				.append(day.plusDays(i / 2).toString().replace("-", ""))
				.append(i % 2 == 0 ? "T080000Z" : "T200000Z");
		}
		ParsedFeed feed = parser.parse(calendar(STAY + """
				BEGIN:VEVENT
				UID:rdates@evil.example
				DTSTART:20270101T080000Z
				RDATE:%s
				END:VEVENT
				""".formatted(dates)), "text/calendar", OPTIONS);

		assertThat(feed.events()).extracting(FeedEvent::uid).containsExactly("guest@airbnb.com");
		assertThat(feed.refusedEvents()).singleElement()
			.asString()
			.startsWith("The event rdates@evil.example was left out: it repeats more than 1,000 times between");
	}

	@Test
	void aHundredThousandTinyEventsAreRefusedBeforeTheyAreBuilt() {
		StringBuilder many = new StringBuilder();
		for (int i = 0; i < 100_000; i++) {
			many.append("BEGIN:VEVENT\nDTSTART:20270101\nEND:VEVENT\n");
		}
		byte[] body = calendar(many.toString());
		assertThat(body.length).as("within the 5 MB a fetch may bring").isLessThan(5 * 1024 * 1024);

		ParsedFeed feed = parser.parse(body, "text/calendar", OPTIONS);

		assertThat(feed.verdict()).isEqualTo(FeedVerdict.OVER_LIMIT);
		assertThat(feed.problem()).isEqualTo("The calendar has more than 10,000 events, the most Staysync reads "
				+ "from one feed, so none of it was used and nothing was cancelled.");
		assertThat(feed.events()).isEmpty();
	}

	@Test
	void theCapOnEventsIsASettingAndAlsoCountsTheStaysRulesMake() {
		String threeStays = STAY + STAY.replace("guest@", "second@") + STAY.replace("guest@", "third@");
		String twoDailyRules = """
				BEGIN:VEVENT
				UID:daily-1@pms.example
				DTSTART;VALUE=DATE:20270101
				RRULE:FREQ=DAILY;COUNT=30
				END:VEVENT
				BEGIN:VEVENT
				UID:daily-2@pms.example
				DTSTART;VALUE=DATE:20270301
				RRULE:FREQ=DAILY;COUNT=30
				END:VEVENT
				""";

		ParsedFeed three = parser.parse(calendar(threeStays), "text/calendar", OPTIONS.within(3, TimeLimit.none()));
		ParsedFeed tooMany = parser.parse(calendar(threeStays), "text/calendar", OPTIONS.within(2, TimeLimit.none()));
		ParsedFeed sixtyStays = parser.parse(calendar(twoDailyRules), "text/calendar",
				OPTIONS.within(50, TimeLimit.none()));

		assertThat(three.events()).hasSize(3);
		assertThat(tooMany.verdict()).isEqualTo(FeedVerdict.OVER_LIMIT);
		assertThat(tooMany.problem()).startsWith("The calendar has more than 2 events");
		assertThat(sixtyStays.verdict()).isEqualTo(FeedVerdict.OVER_LIMIT);
		assertThat(sixtyStays.problem()).isEqualTo("The calendar's repeating events make more than 50 stays, the most "
				+ "Staysync reads from one feed, so none of it was used and nothing was cancelled.");
	}

	@Test
	void tenThousandTimeZonesAreRefused() {
		StringBuilder zones = new StringBuilder();
		for (int i = 0; i < 10_000; i++) {
			zones.append("BEGIN:VTIMEZONE\nTZID:Zone-")
				.append(i)
				.append("\nBEGIN:STANDARD\n")
				.append("DTSTART:19700101T000000\nTZOFFSETFROM:+0100\nTZOFFSETTO:+0100\nEND:STANDARD\nEND:VTIMEZONE\n");
		}

		ParsedFeed feed = parser.parse(calendar(zones + STAY), "text/calendar", OPTIONS);

		assertThat(feed.verdict()).isEqualTo(FeedVerdict.OVER_LIMIT);
		assertThat(feed.problem()).isEqualTo(FeedProblems.TOO_MANY_TIME_ZONES);
	}

	@Test
	void aTimeZoneNameOfAHundredKilobytesIsRefused() {
		String name = "Europe/" + "x".repeat(100_000);
		StringBuilder events = new StringBuilder();
		for (int i = 0; i < 40; i++) {
			events.append("BEGIN:VEVENT\nUID:long-")
				.append(i)
				.append("\nDTSTART;TZID=")
				.append(name)
				.append(":20270105T100000\nEND:VEVENT\n");
		}

		ParsedFeed feed = parser.parse(calendar(events.toString()), "text/calendar", OPTIONS);

		assertThat(feed.verdict()).isEqualTo(FeedVerdict.OVER_LIMIT);
		assertThat(feed.problem()).isEqualTo("The calendar names a time zone with more than 255 characters, longer "
				+ "than any real time zone name, so it was not read.");
	}

	@Test
	void moreThanFiftyDifferentTimeZoneNamesAreRefused() {
		StringBuilder events = new StringBuilder();
		for (int i = 0; i < 51; i++) {
			events.append("BEGIN:VEVENT\nUID:zone-")
				.append(i)
				.append("\nDTSTART;TZID=\"Private zone ")
				.append(i)
				.append("\":20270105T100000\nEND:VEVENT\n");
		}

		ParsedFeed feed = parser.parse(calendar(events.toString()), "text/calendar", OPTIONS);

		assertThat(feed.verdict()).isEqualTo(FeedVerdict.OVER_LIMIT);
		assertThat(feed.problem()).startsWith("The calendar names more than 50 different time zones");
	}

	@Test
	void fiftyUnknownZonesOnTwoThousandEventsAreEachResolvedOnceAndReplacedInOnePass() {
		StringBuilder events = new StringBuilder();
		for (int i = 0; i < 2_000; i++) {
			int zone = i % 50;
			String name = zone == 0 ? "\"/mozilla.org/20050126_1/America/New_York\""
					: "\"(UTC+01:00) Private, zone " + zone + "\"";
			events.append("BEGIN:VEVENT\nUID:e")
				.append(i)
				.append("\nDTSTART;TZID=")
				.append(name)
				.append(":20270105T200000\nDTEND;TZID=")
				.append(name)
				.append(":20270106T100000\nEND:VEVENT\n");
		}

		ParsedFeed feed = parser.parse(calendar(events.toString()), "text/calendar", OPTIONS);

		assertThat(feed.usable()).as(feed.problem()).isTrue();
		assertThat(feed.events()).hasSize(2_000);
		// 20:00 in New York is 01:00 the next day in Lisbon; an unknown zone floats on
		// the property's clock
		assertThat(feed.events()).filteredOn(event -> event.uid().equals("e0"))
			.singleElement()
			.extracting(FeedEvent::checkIn)
			.isEqualTo(date("2027-01-06"));
		assertThat(feed.events()).filteredOn(event -> event.uid().equals("e1"))
			.singleElement()
			.extracting(FeedEvent::checkIn)
			.isEqualTo(date("2027-01-05"));
	}

	@Test
	void unknownZonesAreReplacedWhereverTheyAreAndNowhereElse() {
		String calendar = "DTSTART;TZID=\"(UTC+01:00) Amsterdam, Berlin\":20270105T100000\r\n"
				+ "DTEND;tzid=Custom;X-PARAM=1:20270105T110000\r\n" + "DTSTAMP;TZID=Europe/Paris:20270105T110000\r\n"
				+ "DESCRIPTION:TZID=Custom and ;TZID=Other stay as they are\r\n";

		String replaced = UnknownTimeZones.replaced(calendar,
				java.util.Set.of("(UTC+01:00) Amsterdam, Berlin", "Custom"));

		assertThat(replaced).isEqualTo("DTSTART:20270105T100000\r\n" + "DTEND;X-PARAM=1:20270105T110000\r\n"
				+ "DTSTAMP;TZID=Europe/Paris:20270105T110000\r\n"
				+ "DESCRIPTION:TZID=Custom and ;TZID=Other stay as they are\r\n");
	}

	@Test
	void readingStopsOnceItsTimeLimitHasPassed() throws InterruptedException {
		TimeLimit passed = TimeLimit.after(Duration.ofMillis(1));
		Thread.sleep(5);

		ParsedFeed feed = parser.parse(calendar(STAY), "text/calendar", OPTIONS.within(10, passed));

		assertThat(feed.verdict()).isEqualTo(FeedVerdict.OVER_LIMIT);
		assertThat(feed.problem()).isEqualTo("Reading the calendar took longer than 1 millisecond, the most one "
				+ "listing may take, so it was stopped: none of it was used and nothing was cancelled.");
	}

	@Test
	void aFeedWithinEveryCapThatWouldBurnMinutesOfCpuStopsAtItsTimeLimit() {
		// each rule counts 2,000 Mondays from 1980, so ical4j walks about 14,000 days
		// from DTSTART for each of the 10,000 events: minutes of work for no stay at all
		StringBuilder events = new StringBuilder();
		for (int i = 0; i < 10_000; i++) {
			events.append("BEGIN:VEVENT\nUID:counted-")
				.append(i)
				.append("@evil.example\n")
				.append("DTSTART;VALUE=DATE:19800107\nRRULE:FREQ=DAILY;BYDAY=MO;COUNT=2000\nEND:VEVENT\n");
		}

		ParsedFeed feed = parser.parse(calendar(events.toString()), "text/calendar",
				OPTIONS.within(10_000, TimeLimit.after(Duration.ofMillis(500))));

		assertThat(feed.verdict()).isEqualTo(FeedVerdict.OVER_LIMIT);
		assertThat(feed.problem()).startsWith("Reading the calendar took longer than 500 milliseconds");
	}

	static byte[] calendar(String events) {
		return ("BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//Hostile//EN\n" + events + "END:VCALENDAR\n")
			.getBytes(StandardCharsets.UTF_8);
	}

	static LocalDate date(String date) {
		return LocalDate.parse(date);
	}

}

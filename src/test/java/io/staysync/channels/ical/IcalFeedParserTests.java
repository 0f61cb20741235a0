package io.staysync.channels.ical;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;
import java.util.TimeZone;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static io.staysync.channels.ical.FeedEventKind.BLOCK;
import static io.staysync.channels.ical.FeedEventKind.RESERVATION;
import static io.staysync.channels.ical.FeedEventKind.TENTATIVE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class IcalFeedParserTests {

	static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");

	static final ParseOptions OPTIONS = new ParseOptions(LISBON, LocalDate.of(2026, 12, 1), LocalDate.of(2028, 12, 1),
			false);

	final IcalFeedParser parser = new IcalFeedParser();

	@Nested
	class ChannelFeeds {

		@Test
		void airbnbReservationsCarryTheirCodeAndBlocksDoNot() {
			assertThat(events("airbnb-listing.ics")).containsExactly(
					event("1418fb94e984-0a1b2c3d4e5f60718293a4b5c6d7e8f9@airbnb.com", RESERVATION, "2027-01-05",
							"2027-01-09", "Reserved", "HMQ4K2ZP7X"),
					event("1418fb94e984-11aa22bb33cc44dd55ee66ff77889900@airbnb.com", RESERVATION, "2027-01-09",
							"2027-01-12", "Reserved", "HMZ8T3WQ1C"),
					event("7f662ec65913-5d4c3b2a19f8e7d6c5b4a39281706f5e@airbnb.com", BLOCK, "2027-01-20", "2027-01-25",
							"Airbnb (Not available)", null));
		}

		@Test
		void airbnbNextFetchKeepsTheUidOfAnExtendedStayAndNoLongerHasTheCancelledOne() {
			assertThat(events("airbnb-listing-next.ics")).containsExactly(
					event("1418fb94e984-0a1b2c3d4e5f60718293a4b5c6d7e8f9@airbnb.com", RESERVATION, "2027-01-05",
							"2027-01-10", "Reserved", "HMQ4K2ZP7X"),
					event("7f662ec65913-5d4c3b2a19f8e7d6c5b4a39281706f5e@airbnb.com", BLOCK, "2027-01-20", "2027-01-25",
							"Airbnb (Not available)", null));
		}

		@Test
		void airbnbFeedWithEveryUglinessAtOnce() {
			assertThat(events("airbnb-ugly.ics")).containsExactly(
					// ends on the horizon's first day: kept; the stay that ended before
					// it is dropped
					event("1418fb94e984-00000000000000000000000000000002@airbnb.com", RESERVATION, "2026-11-26",
							"2026-12-01", "Reserved", "HMLEAVES01"),
					// code folded with a tab in its middle, after a BOM and mixed line
					// endings
					event("1418fb94e984-aa00bb11cc22dd33ee44ff5566778899@airbnb.com", RESERVATION, "2027-02-10",
							"2027-02-14", "Reserved", "HMABC12345"),
					// pre-2019 format: guest name as title, code in an itinerary URL
					event("HMN7KX2P4R-old@airbnb.com", RESERVATION, "2027-03-01", "2027-03-06", "Jane D. (HMN7KX2P4R)",
							"HMN7KX2P4R"),
					// DTSTART only: one night
					event("7f662ec65913-0123456789abcdef0123456789abcdef@airbnb.com", BLOCK, "2027-03-20", "2027-03-21",
							"Airbnb (Not available)", null),
					event("7f662ec65913-fedcba9876543210fedcba9876543210@airbnb.com", BLOCK, "2027-03-25", "2027-03-27",
							"Owner stay, family; pool \\ closed", null));
		}

		@Test
		void bookingComClosuresAreBlocksUnlessTheManagerSaysTheyAreReservations() {
			List<FeedEvent> blocks = List.of(
					event("3f9e2a7c51d84b6e9a0c7d2e1f4b8a63@booking.com", BLOCK, "2027-02-01", "2027-02-04",
							"CLOSED - Not available", null),
					event("8b1d6f0e2a934c57b8e1f2a3c4d5e6f7@booking.com", BLOCK, "2027-02-04", "2027-02-05",
							"CLOSED - Not available", null));
			assertThat(events("bookingcom-room.ics")).isEqualTo(blocks);
			assertThat(parse("bookingcom-room.ics", closedAsReservation()).events())
				.isEqualTo(blocks.stream().map(block -> withKind(block, RESERVATION)).toList());
		}

		@Test
		void bookingComClosedWithAnEnDashOddSpacingOrAGuestName() {
			List<FeedEvent> blocks = List.of(
					event("aaaa1111bbbb2222cccc3333dddd4444@booking.com", BLOCK, "2027-07-01", "2027-07-04",
							"CLOSED – Not available", null),
					event("bbbb2222cccc3333dddd4444eeee5555@booking.com", BLOCK, "2027-07-04", "2027-07-06",
							"closed-not available", null),
					event("cccc3333dddd4444eeee5555ffff6666@booking.com", BLOCK, "2027-07-10", "2027-07-15",
							"Closed  -  Not  Available", null),
					event("dddd4444eeee5555ffff6666aaaa7777@booking.com", BLOCK, "2027-07-20", "2027-07-22",
							"CLOSED - Maria Lopez", null));
			assertThat(events("bookingcom-dash.ics")).isEqualTo(blocks);
			assertThat(parse("bookingcom-dash.ics", closedAsReservation()).events())
				.isEqualTo(blocks.stream().map(block -> withKind(block, RESERVATION)).toList());
		}

		@Test
		void vrboInFrench() {
			assertThat(events("vrbo-fr.ics")).containsExactly(
					event("5b1e9c2a-7d3f-4e8b-9a6c-1f2e3d4c5b6a", RESERVATION, "2027-03-01", "2027-03-08",
							"Réservée - Mélanie", null),
					event("0c9d8e7f-6a5b-4c3d-2e1f-0a9b8c7d6e5f", BLOCK, "2027-03-15", "2027-03-17", "Indisponible",
							null),
					event("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d", TENTATIVE, "2027-03-20", "2027-03-22",
							"Provisoire - Jonas", null));
		}

		@Test
		void vrboInFrenchServedAsLatin1ReadWithTheContentTypesCharset() {
			ParsedFeed feed = parser.parse(fixture("vrbo-fr-latin1.ics"), "text/calendar; charset=\"ISO-8859-1\"",
					OPTIONS);

			assertThat(feed.events()).containsExactly(
					event("fr-latin1-1", RESERVATION, "2027-09-01", "2027-09-04", "Réservé - Hélène", null),
					event("fr-latin1-2", BLOCK, "2027-09-05", "2027-09-07", "Bloqué", null));
		}

		@Test
		void vrboInGermanWithAFoldInsideAMultiByteCharacter() {
			assertThat(events("vrbo-de.ics")).containsExactly(
					event("de-1111-2222-3333-444455556666", RESERVATION, "2027-05-01", "2027-05-08",
							"Reserviert - Jürgen", null),
					event("de-2222-3333-4444-555566667777", RESERVATION, "2027-05-10", "2027-05-12", "Gebucht", null),
					event("de-3333-4444-5555-666677778888", BLOCK, "2027-05-15", "2027-05-17", "Nicht verfügbar", null),
					event("de-4444-5555-6666-777788889999", BLOCK, "2027-05-20", "2027-05-22", "Blockiert", null),
					event("de-5555-6666-7777-888899990000", TENTATIVE, "2027-05-25", "2027-05-27", "Vorläufig - Anna",
							null),
					event("de-6666-7777-8888-999900001111", TENTATIVE, "2027-05-28", "2027-05-30", "Anfrage - Lukas",
							null));
		}

		@Test
		void vrboInSpanish() {
			assertThat(events("vrbo-es.ics")).containsExactly(
					event("es-1111-2222-3333-444455556666", RESERVATION, "2027-06-01", "2027-06-08", "Reservado - José",
							null),
					event("es-2222-3333-4444-555566667777", BLOCK, "2027-06-10", "2027-06-12", "No disponible", null),
					event("es-3333-4444-5555-666677778888", BLOCK, "2027-06-15", "2027-06-17", "BLOQUEADO", null),
					event("es-4444-5555-6666-777788889999", TENTATIVE, "2027-06-20", "2027-06-22",
							"Provisional - María", null),
					event("es-5555-6666-7777-888899990000", TENTATIVE, "2027-06-25", "2027-06-27", "Tentativa", null));
		}

		@Test
		void statusCancelledAndTentative() {
			assertThat(events("status.ics")).containsExactly(
					new FeedEvent("status-cancelled@pms.example", RESERVATION, true, date("2027-04-01"),
							date("2027-04-05"), "Reserved", "HMCANCEL01"),
					event("status-tentative@pms.example", TENTATIVE, "2027-04-10", "2027-04-12", "Blocked", null),
					event("status-confirmed@pms.example", RESERVATION, "2027-04-15", "2027-04-18", "Booked", null));
		}

		@Test
		void aCalendarAfterAPhpWarningIsStillRead() {
			assertThat(events("junk-before-calendar.ics")).containsExactly(
					event("php-1@home-made.example", RESERVATION, "2027-08-01", "2027-08-03", "Booked", null));
		}

	}

	@Nested
	class Dates {

		@Test
		void timedEventsFallOnTheDatesOfThePropertysClock() {
			assertThat(events("google-timed.ics")).containsExactly(
					event("new-york-evening@google.com", RESERVATION, "2027-01-06", "2027-01-08", "Reserved - Sam",
							null),
					event("kiritimati-morning@google.com", BLOCK, "2027-01-09", "2027-01-11", "Blocked", null),
					event("pago-pago-evening@google.com", RESERVATION, "2027-01-16", "2027-01-17", "Booked", null),
					event("utc-late@google.com", RESERVATION, "2027-01-20", "2027-01-22", "Reserved", null),
					event("floating@google.com", RESERVATION, "2027-01-25", "2027-01-27", "Reserved", null),
					event("start-only@google.com", BLOCK, "2027-02-01", "2027-02-02", "Maintenance visit", null));
		}

		@Test
		void theSameTimedEventsForAPropertyInNewYork() {
			assertThat(stays("google-timed.ics", "America/New_York")).containsExactly("2027-01-05/2027-01-08",
					"2027-01-09/2027-01-11", "2027-01-16/2027-01-17", "2027-01-20/2027-01-22", "2027-01-25/2027-01-27",
					"2027-02-01/2027-02-02");
		}

		@Test
		void theSameTimedEventsForAPropertyOnKiritimatiFourteenHoursAheadOfUtc() {
			assertThat(stays("google-timed.ics", "Pacific/Kiritimati")).containsExactly("2027-01-06/2027-01-09",
					"2027-01-10/2027-01-12", "2027-01-16/2027-01-18", "2027-01-21/2027-01-23", "2027-01-25/2027-01-27",
					"2027-02-02/2027-02-03");
		}

		@Test
		void theSameTimedEventsForAPropertyInPagoPagoElevenHoursBehindUtc() {
			assertThat(stays("google-timed.ics", "Pacific/Pago_Pago")).containsExactly("2027-01-05/2027-01-08",
					"2027-01-09/2027-01-11", "2027-01-15/2027-01-17", "2027-01-20/2027-01-21", "2027-01-25/2027-01-27",
					"2027-02-01/2027-02-02");
		}

		@ParameterizedTest
		@ValueSource(strings = { "Pacific/Kiritimati", "Pacific/Pago_Pago", "America/Los_Angeles", "Asia/Tokyo" })
		void allDayDatesNeverMoveWhateverThePropertysZone(String zone) {
			for (String fixture : List.of("airbnb-listing.ics", "bookingcom-room.ics", "vrbo-fr.ics", "airbnb-ugly.ics",
					"duplicate-uids.ics")) {
				assertThat(parse(fixture, zone(zone)).events()).as(fixture).isEqualTo(events(fixture));
			}
		}

		@Test
		void theJvmsOwnZoneChangesNothing() {
			List<FeedEvent> timed = events("google-timed.ics");
			List<FeedEvent> outlook = events("outlook.ics");
			TimeZone original = TimeZone.getDefault();
			try {
				for (String zone : List.of("Pacific/Kiritimati", "Pacific/Pago_Pago")) {
					TimeZone.setDefault(TimeZone.getTimeZone(zone));
					assertThat(events("google-timed.ics")).as(zone).isEqualTo(timed);
					assertThat(events("outlook.ics")).as(zone).isEqualTo(outlook);
				}
			}
			finally {
				TimeZone.setDefault(original);
			}
		}

		@Test
		void durationInDaysWeeksOrHours() {
			assertThat(events("duration.ics")).containsExactly(
					event("three-nights@pms.example", RESERVATION, "2027-10-01", "2027-10-04", "Reserved", null),
					event("one-week@pms.example", BLOCK, "2027-10-10", "2027-10-17", "Blocked", null),
					event("timed-36-hours@pms.example", RESERVATION, "2027-10-20", "2027-10-22", "Reserved", null));
		}

		@Test
		void outlookWindowsZonesCustomZonesAndZonesNobodyKnows() {
			assertThat(events("outlook.ics")).containsExactly(
					// W. Europe Standard Time is Berlin: 23:00 there is 22:00 in Lisbon
					event("040000008200E00074C5B7101A82E00800000000windows-zone", BLOCK, "2027-12-01", "2027-12-03",
							"Blocked", null),
					// the feed's own VTIMEZONE (+01:00): 00:30 there is 23:30 the day
					// before in Lisbon
					event("040000008200E00074C5B7101A82E00800000000custom-zone", RESERVATION, "2027-12-09",
							"2027-12-11", "Reserved", null),
					// an unknown TZID: read on the property's clock
					event("040000008200E00074C5B7101A82E00800000000unknown-zone", RESERVATION, "2027-12-15",
							"2027-12-16", "Reserved", null),
					// /mozilla.org/…/America/New_York: 20:00 in New York is 01:00 the
					// next day in Lisbon
					event("mozilla-zone@lightning.example", RESERVATION, "2027-12-21", "2027-12-22", "Reserved", null));
		}

	}

	@Nested
	class Recurrences {

		final ParseOptions winter = new ParseOptions(LISBON, LocalDate.of(2026, 12, 1), LocalDate.of(2027, 4, 1),
				false);

		@Test
		void occurrencesWithinTheHorizonEachWithTheirOwnUid() {
			assertThat(parser.parse(fixture("google-recurring.ics"), "text/calendar", winter).events()).containsExactly(
					event("monthly-maintenance@google.com/2026-12-15", BLOCK, "2026-12-15", "2026-12-16", "Maintenance",
							null),
					event("weekly-owner@google.com/2027-01-04", BLOCK, "2027-01-04", "2027-01-06", "Owner stay", null),
					event("weekly-owner@google.com/2027-01-11", BLOCK, "2027-01-11", "2027-01-13", "Owner stay", null),
					// 2027-01-18 is an EXDATE (and still counts towards COUNT=6)
					event("monthly-maintenance@google.com/2027-01-15", BLOCK, "2027-01-15", "2027-01-16", "Maintenance",
							null),
					event("weekly-owner@google.com/2027-01-25", BLOCK, "2027-01-25", "2027-01-27", "Owner stay", null),
					event("weekly-owner@google.com/2027-02-01", BLOCK, "2027-02-01", "2027-02-03", "Owner stay", null),
					event("weekly-owner@google.com/2027-02-08", BLOCK, "2027-02-08", "2027-02-10", "Owner stay", null),
					event("monthly-maintenance@google.com/2027-02-15", BLOCK, "2027-02-15", "2027-02-16", "Maintenance",
							null),
					event("weekly-guest@google.com/2027-03-01", RESERVATION, "2027-03-01", "2027-03-03", "Reserved",
							null),
					// moved a day later by a RECURRENCE-ID override: keeps the identity
					// of the day it replaces
					event("weekly-guest@google.com/2027-03-08", RESERVATION, "2027-03-09", "2027-03-11", "Reserved",
							null),
					// 2027-03-15 is an EXDATE given in UTC for a rule in Paris time
					event("monthly-maintenance@google.com/2027-03-15", BLOCK, "2027-03-15", "2027-03-16", "Maintenance",
							null),
					new FeedEvent("weekly-guest@google.com/2027-03-22", RESERVATION, true, date("2027-03-22"),
							date("2027-03-24"), "Reserved", null),
					// after the change to summer time, and still before UNTIL
					event("weekly-guest@google.com/2027-03-29", RESERVATION, "2027-03-29", "2027-03-31", "Reserved",
							null));
		}

		@Test
		void anEndlessRuleThatBeganYearsAgoStopsAtTheHorizon() {
			List<FeedEvent> maintenance = events("google-recurring.ics").stream()
				.filter(event -> event.uid().startsWith("monthly-maintenance@google.com/"))
				.toList();

			assertThat(maintenance).hasSize(25);
			assertThat(maintenance.get(0).checkIn()).isEqualTo(date("2026-12-15"));
			assertThat(maintenance.get(maintenance.size() - 1).checkIn()).isEqualTo(date("2028-11-15"));
			assertThat(maintenance).extracting(FeedEvent::uid)
				.doesNotHaveDuplicates()
				// the RDATE
				.contains("monthly-maintenance@google.com/2027-07-04");
		}

		@Test
		void aRuleRepeatingEveryHourIsLeftOutNamedAndTheRestOfTheFeedIsRead() {
			ParsedFeed feed = parser.parse(calendar("""
					BEGIN:VEVENT
					UID:hourly@pms.example
					DTSTART:20270105T100000Z
					DTEND:20270105T110000Z
					RRULE:FREQ=HOURLY
					SUMMARY:Blocked
					END:VEVENT
					BEGIN:VEVENT
					UID:stay@pms.example
					DTSTART;VALUE=DATE:20270110
					DTEND;VALUE=DATE:20270112
					SUMMARY:Reserved
					END:VEVENT
					"""), "text/calendar", winter);

			assertThat(feed.usable()).isTrue();
			assertThat(feed.complete()).as("an event left out may be what is missing").isFalse();
			assertThat(feed.events())
				.containsExactly(event("stay@pms.example", RESERVATION, "2027-01-10", "2027-01-12", "Reserved", null));
			assertThat(feed.refusedEvents()).singleElement()
				.isEqualTo("The event hourly@pms.example was left out: it repeats every hour (FREQ=HOURLY), "
						+ "and a stay cannot begin more than once a day.");
		}

	}

	@Nested
	class Identity {

		@Test
		void eventsWithoutUidGetAStableSyntheticOneAndEventsWithoutStartAreSkipped() {
			List<FeedEvent> events = events("missing-uid.ics");

			assertThat(events).extracting(FeedEvent::checkIn, FeedEvent::checkOut, FeedEvent::kind)
				.containsExactly(
						org.assertj.core.groups.Tuple.tuple(date("2027-08-01"), date("2027-08-05"), RESERVATION),
						org.assertj.core.groups.Tuple.tuple(date("2027-08-10"), date("2027-08-12"), BLOCK));
			assertThat(events).extracting(FeedEvent::uid)
				.allMatch(uid -> uid.matches("synthetic-[0-9a-f]{32}"))
				.doesNotHaveDuplicates()
				.isEqualTo(events("missing-uid.ics").stream().map(FeedEvent::uid).toList());
		}

		@Test
		void aSyntheticUidChangesWithTheTitleOrTheDates() {
			String event = """
					BEGIN:VEVENT
					DTSTART;VALUE=DATE:20270801
					DTEND;VALUE=DATE:20270805
					SUMMARY:%s
					END:VEVENT
					""";
			String booked = uidOf(calendar(event.formatted("Booked")));

			assertThat(uidOf(calendar(event.formatted("Booked")))).isEqualTo(booked);
			assertThat(uidOf(calendar(event.formatted("Blocked")))).isNotEqualTo(booked);
			assertThat(uidOf(calendar(event.formatted("Booked").replace("20270805", "20270806")))).isNotEqualTo(booked);
		}

		@Test
		void aRepeatedUidKeepsTheLastEvent() {
			assertThat(events("duplicate-uids.ics")).containsExactly(
					event("stay-42@pms.example", RESERVATION, "2027-09-02", "2027-09-07", "Reserved", null),
					event("block-7@pms.example", BLOCK, "2027-09-10", "2027-09-11", "Blocked", null));
		}

	}

	@Nested
	class Verdicts {

		@Test
		void aLoginPageIsHtml() {
			ParsedFeed feed = parse("login-page.ics", OPTIONS);

			assertThat(feed.verdict()).isEqualTo(FeedVerdict.HTML);
			assertThat(feed.usable()).isFalse();
			assertThat(feed.events()).isEmpty();
			assertThat(feed.problem()).isEqualTo("The feed answered with a web page (HTML), not a calendar — "
					+ "often a login page or an expired link.");
		}

		@ParameterizedTest
		@ValueSource(strings = { "  \r\n<html><body>Session expired</body></html>",
				"Moved\n<HTML><BODY>Please log in</BODY></HTML>",
				"<?xml version=\"1.0\"?><Error>AccessDenied</Error>" })
		void otherWebPagesAreHtmlToo(String body) {
			assertThat(parser.parse(bytes(body), null, OPTIONS).verdict()).isEqualTo(FeedVerdict.HTML);
		}

		@Test
		void plainTextServedAsHtmlIsHtml() {
			assertThat(parser.parse(bytes("Access denied"), "text/html; charset=utf-8", OPTIONS).verdict())
				.isEqualTo(FeedVerdict.HTML);
		}

		@Test
		void anHtmlDescriptionInsideARealCalendarIsNotAWebPage() {
			assertThat(parse("outlook.ics", OPTIONS).verdict()).isEqualTo(FeedVerdict.CALENDAR);
		}

		@Test
		void nothingAtAllIsAnEmptyResponse() {
			String emptyResponse = "The feed answered with an empty response, not a calendar — "
					+ "the channel may be having trouble, or the link may no longer work.";
			for (byte[] body : List.of(new byte[0], bytes(" \r\n\t\n"))) {
				ParsedFeed feed = parser.parse(body, "text/calendar", OPTIONS);
				assertThat(feed.verdict()).isEqualTo(FeedVerdict.NOT_CALENDAR);
				assertThat(feed.problem()).isEqualTo(emptyResponse);
			}
			assertThat(parser.parse(null, null, OPTIONS).problem()).isEqualTo(emptyResponse);
		}

		@Test
		void somethingElseIsNotACalendar() {
			for (byte[] body : List.of(fixture("garbage.bin"), bytes("{\"error\":\"not_found\"}"),
					fixture("README.md"))) {
				ParsedFeed feed = parser.parse(body, "application/octet-stream", OPTIONS);
				assertThat(feed.verdict()).isEqualTo(FeedVerdict.NOT_CALENDAR);
				assertThat(feed.problem()).isEqualTo("The feed answered with something that is not a calendar — "
						+ "check that the link is the channel's iCal export link (it usually ends in .ics).");
			}
		}

		@Test
		void aCalendarCutMidEventIsTruncated() {
			ParsedFeed feed = parse("truncated.ics", OPTIONS);

			assertThat(feed.verdict()).isEqualTo(FeedVerdict.TRUNCATED);
			assertThat(feed.events()).isEmpty();
			assertThat(feed.problem()).isEqualTo(
					"The calendar stops before its end (no END:VCALENDAR) — the download was probably cut short.");
		}

		@Test
		void aCalendarWithoutEventsIsEmpty() {
			ParsedFeed feed = parse("empty-calendar.ics", OPTIONS);

			assertThat(feed.verdict()).isEqualTo(FeedVerdict.EMPTY);
			assertThat(feed.usable()).isFalse();
			assertThat(feed.problem()).isEqualTo("The calendar has no events at all — "
					+ "if the listing does have bookings, the link may point to the wrong calendar.");
		}

		@Test
		void aBrokenDateMakesTheWholeCalendarMalformedAndSaysWhere() {
			ParsedFeed feed = parse("malformed.ics", OPTIONS);

			assertThat(feed.verdict()).isEqualTo(FeedVerdict.MALFORMED);
			assertThat(feed.events()).isEmpty();
			assertThat(feed.problem())
				.isEqualTo("The calendar could not be read: it breaks the iCalendar format near line 12.");
		}

		@Test
		void eventsThatAllLackAStartMakeTheCalendarMalformedNotEmptyOfBookings() {
			ParsedFeed feed = parser.parse(calendar("""
					BEGIN:VEVENT
					UID:a@pms.example
					SUMMARY:Reserved
					END:VEVENT
					"""), "text/calendar", OPTIONS);

			assertThat(feed.verdict()).isEqualTo(FeedVerdict.MALFORMED);
			assertThat(feed.problem())
				.isEqualTo("The calendar could not be read: none of its 1 events has a start date (DTSTART).");
		}

		@Test
		void aCalendarWhoseEventsAllEndedBeforeTheHorizonIsUsableAndHasNoEvents() {
			ParsedFeed feed = parser.parse(calendar("""
					BEGIN:VEVENT
					UID:past@pms.example
					DTSTART;VALUE=DATE:20250101
					DTEND;VALUE=DATE:20250105
					SUMMARY:Reserved
					END:VEVENT
					"""), "text/calendar", OPTIONS);

			assertThat(feed.verdict()).isEqualTo(FeedVerdict.CALENDAR);
			assertThat(feed.problem()).isNull();
			assertThat(feed.events()).isEmpty();
		}

		@Test
		void garbageNeverThrows() {
			Random random = new Random(20261125);
			List<byte[]> valid = List.of(fixture("airbnb-ugly.ics"), fixture("google-recurring.ics"),
					fixture("outlook.ics"), fixture("vrbo-de.ics"));
			for (int round = 0; round < 400; round++) {
				byte[] body = round % 2 == 0 ? randomBytes(random) : damaged(valid.get(round % valid.size()), random);
				ParsedFeed feed = parser.parse(body, round % 3 == 0 ? null : "text/calendar; charset=bogus", OPTIONS);
				assertThat(feed.verdict()).isNotNull();
				assertThat(feed.usable()).isEqualTo(feed.problem() == null);
				assertThat(feed.events()).allMatch(event -> event.checkOut().isAfter(event.checkIn()));
			}
		}

	}

	@Nested
	class Titles {

		@ParameterizedTest
		@CsvSource(delimiter = '|',
				value = { "Reserved|RESERVATION", "RESERVED|RESERVATION", "Booked - Sam|RESERVATION",
						"RÉSERVÉ|RESERVATION", "reservee - Ana|RESERVATION", "Reserviert|RESERVATION",
						"GEBUCHT|RESERVATION", "Reservada - Ana|RESERVATION", "Airbnb (Not available)|BLOCK",
						"airbnb (not available)|BLOCK", "Not available|BLOCK", "Unavailable|BLOCK",
						"Blocked (owner)|BLOCK", "Bloqué|BLOCK", "Nicht Verfügbar|BLOCK", "NICHT VERFUGBAR|BLOCK",
						"Bloqueada|BLOCK", "No Disponible|BLOCK", "Indisponible|BLOCK", "CLOSED — Not available|BLOCK",
						"CLOSED − Not available|BLOCK", "Tentative|TENTATIVE", "Option - Paul|TENTATIVE",
						"VORLÄUFIG|TENTATIVE", "Provisional|TENTATIVE", "Cleaning|BLOCK", "Reserved by the owner|BLOCK",
						"Reservation|BLOCK" })
		void titlesAreComparedWithoutCaseAccentsOrKindOfDash(String title, FeedEventKind kind) {
			assertThat(EventTitles.kind(title, false, false)).isEqualTo(kind);
		}

		@Test
		void noTitleIsABlockAndKeepsNoTitle() {
			ParsedFeed feed = parser.parse(calendar("""
					BEGIN:VEVENT
					UID:untitled@pms.example
					DTSTART;VALUE=DATE:20270801
					DTEND;VALUE=DATE:20270802
					END:VEVENT
					"""), "text/calendar", OPTIONS);

			assertThat(feed.events())
				.containsExactly(event("untitled@pms.example", BLOCK, "2027-08-01", "2027-08-02", null, null));
		}

		@ParameterizedTest
		@CsvSource(delimiter = '|',
				value = { "Reservation URL: https://www.airbnb.com/hosting/reservations/details/HMZ8T3WQ1C|HMZ8T3WQ1C",
						"https://www.airbnb.com/reservation/itinerary?code=HMN7KX2P4R&x=1|HMN7KX2P4R",
						"Code: HM12345678.|HM12345678", "HMZ8T3WQ1CX is too long|", "hmz8t3wq1c is lower case|",
						"XHMZ8T3WQ1C is inside a word|", "no code here|" })
		void confirmationCodes(String description, String code) {
			assertThat(ConfirmationCodes.find(description)).isEqualTo(code);
		}

	}

	@Test
	void aFiveMegabyteFeedWithTwentyThousandEvents() {
		StringBuilder feed = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Load test//EN\r\n");
		LocalDate day = LocalDate.of(2027, 1, 1);
		for (int i = 0; i < 20_000; i++) {
			LocalDate checkIn = day.plusDays(i % 700);
			feed.append("BEGIN:VEVENT\r\nDTSTAMP:20261120T081502Z\r\n")
				.append("DTSTART;VALUE=DATE:")
				.append(checkIn.toString().replace("-", ""))
				.append("\r\n")
				.append("DTEND;VALUE=DATE:")
				.append(checkIn.plusDays(3).toString().replace("-", ""))
				.append("\r\n")
				.append("SUMMARY:Reserved\r\nUID:1418fb94e984-")
				.append(String.format("%032x", i))
				.append("@airbnb.com\r\n")
				.append("DESCRIPTION:Reservation URL: https://www.airbnb.com/hosting/reservations/de\r\n tails/HM")
				.append(String.format("%08d", i))
				.append("\\nPhone Number (Last 4 Digits): 0000\r\n")
				.append("X-PADDING:")
				.append("x".repeat(60))
				.append("\r\nEND:VEVENT\r\n");
		}
		byte[] body = feed.append("END:VCALENDAR\r\n").toString().getBytes(StandardCharsets.UTF_8);
		assertThat(body.length).isGreaterThan(5_000_000);

		ParsedFeed parsed = parser.parse(body, "text/calendar; charset=utf-8",
				OPTIONS.within(20_000, io.staysync.common.TimeLimit.none()));

		assertThat(parsed.verdict()).isEqualTo(FeedVerdict.CALENDAR);
		assertThat(parsed.events()).hasSize(20_000);
		assertThat(parsed.events()).filteredOn(event -> "HM00019999".equals(event.confirmationCode())).hasSize(1);
	}

	@Test
	void optionsNeedAHorizonThatEndsAfterItStarts() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ParseOptions(LISBON, LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 1), false));
	}

	// helpers

	List<FeedEvent> events(String fixture) {
		ParsedFeed feed = parse(fixture, OPTIONS);
		assertThat(feed.usable()).as("%s: %s", fixture, feed.problem()).isTrue();
		assertThat(feed.problem()).isNull();
		return feed.events();
	}

	List<String> stays(String fixture, String zone) {
		return parse(fixture, zone(zone)).events().stream().map(e -> e.checkIn() + "/" + e.checkOut()).toList();
	}

	ParsedFeed parse(String fixture, ParseOptions options) {
		return parser.parse(fixture(fixture), "text/calendar; charset=utf-8", options);
	}

	String uidOf(byte[] calendar) {
		return parser.parse(calendar, null, OPTIONS).events().get(0).uid();
	}

	static ParseOptions zone(String zone) {
		return new ParseOptions(ZoneId.of(zone), OPTIONS.horizonStart(), OPTIONS.horizonEnd(), false);
	}

	static ParseOptions closedAsReservation() {
		return new ParseOptions(LISBON, OPTIONS.horizonStart(), OPTIONS.horizonEnd(), true);
	}

	static FeedEvent event(String uid, FeedEventKind kind, String checkIn, String checkOut, String title, String code) {
		return new FeedEvent(uid, kind, false, date(checkIn), date(checkOut), title, code);
	}

	static FeedEvent withKind(FeedEvent event, FeedEventKind kind) {
		return new FeedEvent(event.uid(), kind, event.cancelled(), event.checkIn(), event.checkOut(), event.title(),
				event.confirmationCode());
	}

	static LocalDate date(String date) {
		return LocalDate.parse(date);
	}

	static byte[] calendar(String events) {
		return bytes("BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//Tests//EN\n" + events + "END:VCALENDAR\n");
	}

	static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	static byte[] fixture(String name) {
		try (InputStream in = IcalFeedParserTests.class.getResourceAsStream("/channels/ical/" + name)) {
			assertThat(in).as(name).isNotNull();
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static byte[] randomBytes(Random random) {
		byte[] bytes = new byte[random.nextInt(4096)];
		random.nextBytes(bytes);
		if (random.nextBoolean() && bytes.length > 40) {
			byte[] begin = bytes("BEGIN:VCALENDAR\r\n");
			System.arraycopy(begin, 0, bytes, 0, begin.length);
		}
		return bytes;
	}

	static byte[] damaged(byte[] valid, Random random) {
		byte[] damaged = java.util.Arrays.copyOf(valid, random.nextInt(valid.length + 1));
		for (int flips = random.nextInt(8); flips > 0 && damaged.length > 0; flips--) {
			damaged[random.nextInt(damaged.length)] = (byte) random.nextInt(256);
		}
		return damaged;
	}

}

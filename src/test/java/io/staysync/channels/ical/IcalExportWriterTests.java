package io.staysync.channels.ical;

import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.util.CompatibilityHints;
import net.fortuna.ical4j.validate.ValidationResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class IcalExportWriterTests {

	static final Instant STAMP = Instant.parse("2026-11-25T15:04:05.123456789Z");

	final IcalExportWriter writer = new IcalExportWriter();

	final List<ExportEvent> events = List.of(
			new ExportEvent("b7f3c2d0-1c1e-4a55-9d0e-2f7a1b6c9e10@staysync", LocalDate.of(2027, 1, 5),
					LocalDate.of(2027, 1, 9), "Reserved"),
			new ExportEvent("0e9d8c7b-6a5f-4e3d-2c1b-0a9f8e7d6c5b@staysync", LocalDate.of(2027, 1, 9),
					LocalDate.of(2027, 1, 10), "Not available"));

	@Test
	void writesExactlyTheseBytes() {
		assertThat(writer.write("Harbour Loft", events, STAMP)).isEqualTo("""
				BEGIN:VCALENDAR\r
				VERSION:2.0\r
				PRODID:-//Staysync//Staysync 0.1//EN\r
				CALSCALE:GREGORIAN\r
				METHOD:PUBLISH\r
				X-WR-CALNAME:Harbour Loft\r
				BEGIN:VEVENT\r
				UID:b7f3c2d0-1c1e-4a55-9d0e-2f7a1b6c9e10@staysync\r
				DTSTAMP:20261125T150405Z\r
				DTSTART;VALUE=DATE:20270105\r
				DTEND;VALUE=DATE:20270109\r
				SUMMARY:Reserved\r
				TRANSP:OPAQUE\r
				END:VEVENT\r
				BEGIN:VEVENT\r
				UID:0e9d8c7b-6a5f-4e3d-2c1b-0a9f8e7d6c5b@staysync\r
				DTSTAMP:20261125T150405Z\r
				DTSTART;VALUE=DATE:20270109\r
				DTEND;VALUE=DATE:20270110\r
				SUMMARY:Not available\r
				TRANSP:OPAQUE\r
				END:VEVENT\r
				END:VCALENDAR\r
				""");
	}

	@Test
	void escapesTextValues() {
		String feed = writer.write("Loft; Lisbon, \\ PT", List.of(new ExportEvent("uid-1", LocalDate.of(2027, 1, 5),
				LocalDate.of(2027, 1, 6), "Smith, J.; party of 3\\4\nlate\r\narrival\u0007")), STAMP);

		assertThat(feed).contains("\r\nX-WR-CALNAME:Loft\\; Lisbon\\, \\\\ PT\r\n")
			.contains("\r\nSUMMARY:Smith\\, J.\\; party of 3\\\\4\\nlate\\narrival\r\n");
	}

	@Test
	void foldsLongLinesAt75OctetsNeverInsideACharacter() throws CharacterCodingException {
		String summary = "Réservation de la famille Ñúñez-Château 日本の家族 🏖️🏖️🏖️ ".repeat(6) + "é".repeat(80);
		String feed = writer.write("Appartement très très long ".repeat(5),
				List.of(new ExportEvent("uid-2", LocalDate.of(2027, 2, 1), LocalDate.of(2027, 2, 3), summary)), STAMP);

		for (byte[] line : physicalLines(feed)) {
			assertThat(line.length).as(new String(line, StandardCharsets.UTF_8)).isLessThanOrEqualTo(75);
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(line));
		}
		String unfolded = feed.replace("\r\n ", "");
		assertThat(unfolded).contains("\r\nSUMMARY:" + ContentLines.escape(summary) + "\r\n");
		assertThat(feed.split("\r\n")).filteredOn(line -> line.startsWith(" ")).hasSizeGreaterThan(5);
	}

	@Test
	void everyLineEndsWithCrlfAndNothingElseBreaksALine() {
		String feed = writer.write("Loft",
				List.of(new ExportEvent("uid-3", LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 2),
						"two\nlines and a very long summary that will certainly need to be folded once")),
				STAMP);

		assertThat(feed).endsWith("END:VCALENDAR\r\n");
		assertThat(feed.replace("\r\n", "")).doesNotContain("\r").doesNotContain("\n");
		assertThat(physicalLines(feed)).allMatch(line -> line.length <= 75);
	}

	@Test
	void anExportReadsBackAsTheSameStays() {
		List<ExportEvent> exported = new ArrayList<>(events);
		exported.add(new ExportEvent("long-and-odd@staysync", LocalDate.of(2027, 12, 30), LocalDate.of(2028, 1, 2),
				"Réservé, « Müller; Ōtani » \\ 🏖 " + "x".repeat(120)));
		exported.add(new ExportEvent("untitled@staysync", LocalDate.of(2028, 2, 28), LocalDate.of(2028, 3, 1), null));

		for (String zone : List.of("Pacific/Kiritimati", "Pacific/Pago_Pago", "Europe/Lisbon")) {
			ParsedFeed feed = new IcalFeedParser().parse(
					writer.write("Harbour Loft", exported, STAMP).getBytes(StandardCharsets.UTF_8),
					"text/calendar; charset=utf-8",
					new ParseOptions(ZoneId.of(zone), LocalDate.of(2026, 12, 1), LocalDate.of(2028, 12, 1), false));

			assertThat(feed.usable()).isTrue();
			assertThat(feed.events())
				.extracting(FeedEvent::uid, FeedEvent::checkIn, FeedEvent::checkOut, FeedEvent::title)
				.containsExactlyElementsOf(exported.stream()
					.map(event -> org.assertj.core.groups.Tuple.tuple(event.uid(), event.checkIn(), event.checkOut(),
							event.summary()))
					.toList());
		}
	}

	/**
	 * RFC 5545 rules only: with METHOD present, {@code Calendar.validate()} also applies
	 * iTIP (RFC 5546), whose PUBLISH wants an ORGANIZER that subscription feeds do not
	 * carry.
	 */
	@Test
	void ical4jReadsAnExportStrictlyAndFindsItValid() throws Exception {
		String feed = writer.write("Harbour Loft; Lisbon",
				List.of(events.get(0), events.get(1), new ExportEvent("folded@staysync", LocalDate.of(2027, 4, 1),
						LocalDate.of(2027, 4, 8), "Ñúñez family, party of 4 — " + "very long ".repeat(12))),
				STAMP);

		Calendar calendar = strictly(() -> {
			Calendar built = new CalendarBuilder().build(new StringReader(feed));
			ValidationResult result = new ValidationResult();
			for (Property property : built.getProperties()) {
				result = result.merge(property.validate());
			}
			for (Component component : built.getComponents()) {
				result = result.merge(component.validate());
			}
			assertThat(result.hasErrors()).as(result.toString()).isFalse();
			return built;
		});

		assertThat(calendar.getComponents(Component.VEVENT)).hasSize(3);
		assertThat(calendar.<Property>getProperties()).extracting(Property::getName)
			.contains("VERSION", "PRODID", "CALSCALE", "METHOD");
		assertThat(calendar.getProperty("X-WR-CALNAME"))
			.hasValueSatisfying(name -> assertThat(name.getValue()).isEqualTo("Harbour Loft; Lisbon"));
	}

	@Test
	void noBookingsIsAValidCalendarWithoutEvents() {
		String feed = writer.write("Empty Loft", List.of(), STAMP);

		assertThat(feed).doesNotContain("BEGIN:VEVENT")
			.endsWith("METHOD:PUBLISH\r\nX-WR-CALNAME:Empty Loft\r\nEND:VCALENDAR\r\n");
		assertThat(new IcalFeedParser().parse(feed.getBytes(StandardCharsets.UTF_8), null, IcalFeedParserTests.OPTIONS)
			.verdict()).isEqualTo(FeedVerdict.EMPTY);
	}

	@Test
	void anEventHoldsAtLeastOneNight() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ExportEvent("uid", LocalDate.of(2027, 1, 5), LocalDate.of(2027, 1, 5), "Reserved"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ExportEvent(" ", LocalDate.of(2027, 1, 5), LocalDate.of(2027, 1, 6), "Reserved"));
	}

	static List<byte[]> physicalLines(String feed) {
		byte[] bytes = feed.getBytes(StandardCharsets.UTF_8);
		List<byte[]> lines = new ArrayList<>();
		int start = 0;
		for (int i = 0; i + 1 < bytes.length; i++) {
			if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
				lines.add(Arrays.copyOfRange(bytes, start, i));
				start = i + 2;
			}
		}
		assertThat(start).as("the feed ends with CRLF").isEqualTo(bytes.length);
		return lines;
	}

	/** Runs with ical4j's relaxed hints off (they are JVM-wide), and puts them back. */
	static <T> T strictly(ThrowingSupplier<T> reading) throws Exception {
		Map<String, Boolean> hints = Map.of(CompatibilityHints.KEY_RELAXED_UNFOLDING, true,
				CompatibilityHints.KEY_RELAXED_PARSING, true, CompatibilityHints.KEY_RELAXED_VALIDATION, true,
				CompatibilityHints.KEY_OUTLOOK_COMPATIBILITY, true, CompatibilityHints.KEY_NOTES_COMPATIBILITY, true);
		hints.keySet().forEach(hint -> CompatibilityHints.setHintEnabled(hint, false));
		try {
			return reading.get();
		}
		finally {
			hints.forEach(CompatibilityHints::setHintEnabled);
		}
	}

	interface ThrowingSupplier<T> {

		T get() throws Exception;

	}

}

package io.staysync.integrations.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import io.staysync.common.InvalidInputException;
import io.staysync.common.InvalidInputException.FieldProblem;
import io.staysync.common.TooLargeException;

/**
 * Reads a spreadsheet of mappings: one row per listing with its id, its property (id or
 * exact name) and, in iCal mode, its feed URL. A header row is optional; when there is
 * one, it names the columns in any order. UTF-8 with or without a byte order mark, comma
 * or semicolon separated (what spreadsheets export in locales with a decimal comma),
 * quoted fields with commas, quotes and line breaks, CRLF or LF. A first row is a header
 * when one of its cells is a column name ({@code listing id}, {@code property},
 * {@code feed url} and the like), never a listing id such as {@code listing-4711}.
 * Parsing is Apache Commons CSV's; this class decides what the columns mean.
 */
final class MappingCsv {

	private MappingCsv() {
	}

	/**
	 * @throws TooLargeException over {@code maxRows} data rows, before anything is stored
	 * @throws InvalidInputException for a header that names no listing or property column
	 */
	static Parsed parse(byte[] bytes, int maxRows) {
		String text = new String(bytes, StandardCharsets.UTF_8);
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		CSVFormat format = CSVFormat.DEFAULT.builder()
			.setDelimiter(delimiter(text))
			.setTrim(true)
			.setIgnoreSurroundingSpaces(true)
			.setTrailingData(true)
			.get();
		List<Row> rows = new ArrayList<>();
		String stoppedAt = null;
		Columns columns = null;
		try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(format).get()) {
			Iterator<CSVRecord> records = parser.iterator();
			while (true) {
				CSVRecord record;
				try {
					if (!records.hasNext()) {
						break;
					}
					record = records.next();
				}
				catch (UncheckedIOException | IllegalStateException malformed) {
					stoppedAt = "The file is malformed after row " + parser.getRecordNumber() + " (a quoted field"
							+ " is never closed, or a quote is misplaced); rows from there on were not read.";
					break;
				}
				if (columns == null) {
					columns = Columns.of(record);
					if (columns.header()) {
						continue;
					}
				}
				if (rows.size() == maxRows) {
					throw new TooLargeException("An import may carry at most " + maxRows
							+ " rows; this file has more. Split it into several files.");
				}
				rows.add(columns.row(record));
			}
		}
		catch (IOException unreadable) {
			throw new UncheckedIOException(unreadable);
		}
		return new Parsed(rows, stoppedAt);
	}

	/** A semicolon when the first line has one and no comma. */
	private static char delimiter(String text) {
		int end = text.indexOf('\n');
		String first = end < 0 ? text : text.substring(0, end);
		return first.indexOf(';') >= 0 && first.indexOf(',') < 0 ? ';' : ',';
	}

	/** The rows read, and why reading stopped early ({@code null} when it did not). */
	record Parsed(List<Row> rows, String stoppedAt) {
	}

	/**
	 * One data row as written, numbered as a spreadsheet numbers it (the header is row
	 * 1); a cell left out is {@code null}.
	 */
	record Row(long number, String listing, String property, String feedUrl) {
	}

	/** Which column holds what: from the header, or listing, property, feed URL. */
	private record Columns(boolean header, int listing, int property, int feedUrl) {

		private static final Set<String> LISTING = Set.of("listing", "listingid", "externallistingid", "listings");

		private static final Set<String> PROPERTY = Set.of("property", "propertyid", "propertyname");

		private static final Set<String> FEED_URL = Set.of("feed", "feedurl", "importurl", "url", "ical", "icalurl",
				"icalfeed", "icalfeedurl", "calendarurl");

		static Columns of(CSVRecord first) {
			int listing = -1;
			int property = -1;
			int feedUrl = -1;
			for (int i = 0; i < first.size(); i++) {
				String name = first.get(i).toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-.]", "");
				if (listing < 0 && LISTING.contains(name)) {
					listing = i;
				}
				else if (property < 0 && PROPERTY.contains(name)) {
					property = i;
				}
				else if (feedUrl < 0 && FEED_URL.contains(name)) {
					feedUrl = i;
				}
			}
			if (listing < 0 && property < 0 && feedUrl < 0) {
				return new Columns(false, 0, 1, 2);
			}
			if (listing < 0 || property < 0) {
				throw InvalidInputException.of(List
					.of(new FieldProblem("header", "the header row must name a listing id column and a property column"
							+ " (for example: listing id,property,feed url)")));
			}
			return new Columns(true, listing, property, feedUrl);
		}

		Row row(CSVRecord record) {
			return new Row(record.getRecordNumber(), cell(record, listing), cell(record, property),
					cell(record, feedUrl));
		}

		private static String cell(CSVRecord record, int column) {
			return column >= 0 && column < record.size() ? record.get(column) : null;
		}

	}

}

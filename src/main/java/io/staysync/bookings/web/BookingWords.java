package io.staysync.bookings.web;

import java.util.Map;
import java.util.stream.Collectors;

import io.staysync.common.InvalidInputException;
import io.staysync.common.InvalidInputException.FieldProblem;

/**
 * The domain's messages name the API's fields ("must be after checkIn"); the console's
 * booking form calls them by its labels. Only whole words are replaced, so "checkInTime"
 * would stay as it is.
 */
final class BookingWords {

	private static final Map<String, String> LABELS = Map.ofEntries(Map.entry("checkIn", "the arrival day"),
			Map.entry("checkOut", "the departure day"), Map.entry("totalAmount", "the total"),
			Map.entry("propertyId", "the property"), Map.entry("guestName", "the guest name"),
			Map.entry("guestEmail", "the guest's e-mail"), Map.entry("guestPhone", "the guest's phone"),
			Map.entry("adults", "adults"), Map.entry("children", "children"), Map.entry("currency", "the currency"),
			Map.entry("kind", "the kind"));

	private BookingWords() {
	}

	/** A domain message in the form's words. */
	static String inFormWords(String message) {
		String words = message;
		for (Map.Entry<String, String> label : LABELS.entrySet()) {
			words = words.replaceAll("\\b" + label.getKey() + "\\b", label.getValue());
		}
		return words;
	}

	/**
	 * The domain's problems as one sentence each, in the form's words, with the field.
	 */
	static String sentences(InvalidInputException problem) {
		return problem.problems().stream().map(BookingWords::sentence).collect(Collectors.joining(" "));
	}

	private static String sentence(FieldProblem problem) {
		String field = problem.field() == null ? "" : LABELS.getOrDefault(problem.field(), problem.field());
		String text = (field.isEmpty() ? "" : field + " ") + inFormWords(problem.message());
		return Character.toUpperCase(text.charAt(0)) + text.substring(1) + (text.endsWith(".") ? "" : ".");
	}

	/** A copy of the problem with every message in the form's words, fields unchanged. */
	static InvalidInputException translated(InvalidInputException problem) {
		return InvalidInputException
			.of(problem.problems().stream().map(p -> new FieldProblem(p.field(), inFormWords(p.message()))).toList());
	}

}

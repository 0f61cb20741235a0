package io.staysync.channels.ical;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a channel means by an event's title. Feeds carry no machine-readable kind: Airbnb
 * writes {@code Reserved} or {@code Airbnb (Not available)}, Booking.com
 * {@code CLOSED - Not available} for everything, Vrbo a word in the owner's language
 * followed by the guest's name ({@code Réservée - Mélanie}). Titles are compared without
 * case, accents or the kind of dash, first whole, then by the words before the first
 * separator.
 */
final class EventTitles {

	/** What a title can say. */
	enum Meaning {

		RESERVED, UNAVAILABLE, TENTATIVE,

		/**
		 * Booking.com's {@code CLOSED}: a booking or a manual closure, the feed cannot
		 * tell which.
		 */
		CLOSED,

		/**
		 * A title no one knows: the nights are taken, for a reason the feed does not say.
		 */
		UNKNOWN

	}

	/** Normalised titles (lower case, no accents) and what they mean. */
	private static final Map<String, Meaning> TITLES = Map.ofEntries(
			// Airbnb, Vrbo in English
			Map.entry("reserved", Meaning.RESERVED), Map.entry("booked", Meaning.RESERVED),
			Map.entry("airbnb (not available)", Meaning.UNAVAILABLE), Map.entry("blocked", Meaning.UNAVAILABLE),
			Map.entry("unavailable", Meaning.UNAVAILABLE), Map.entry("not available", Meaning.UNAVAILABLE),
			Map.entry("tentative", Meaning.TENTATIVE),
			// Booking.com
			Map.entry("closed", Meaning.CLOSED),
			// Vrbo / Abritel in French
			Map.entry("reserve", Meaning.RESERVED), Map.entry("reservee", Meaning.RESERVED),
			Map.entry("indisponible", Meaning.UNAVAILABLE), Map.entry("bloque", Meaning.UNAVAILABLE),
			Map.entry("bloquee", Meaning.UNAVAILABLE), Map.entry("provisoire", Meaning.TENTATIVE),
			Map.entry("option", Meaning.TENTATIVE),
			// Vrbo / FeWo-direkt in German
			Map.entry("reserviert", Meaning.RESERVED), Map.entry("gebucht", Meaning.RESERVED),
			Map.entry("blockiert", Meaning.UNAVAILABLE), Map.entry("nicht verfugbar", Meaning.UNAVAILABLE),
			Map.entry("vorlaufig", Meaning.TENTATIVE), Map.entry("anfrage", Meaning.TENTATIVE),
			// Vrbo / HomeAway in Spanish
			Map.entry("reservado", Meaning.RESERVED), Map.entry("reservada", Meaning.RESERVED),
			Map.entry("bloqueado", Meaning.UNAVAILABLE), Map.entry("bloqueada", Meaning.UNAVAILABLE),
			Map.entry("no disponible", Meaning.UNAVAILABLE), Map.entry("provisional", Meaning.TENTATIVE),
			Map.entry("tentativa", Meaning.TENTATIVE));

	private static final Pattern ACCENTS = Pattern.compile("\\p{M}+");

	private static final Pattern DASHES = Pattern.compile("[\\u2010-\\u2015\\u2212\\uFE58\\uFE63\\uFF0D]");

	private static final Pattern SPACES = Pattern.compile("\\s+");

	/** Where the channel's word ends and a guest's name or a remark begins. */
	private static final Pattern SEPARATOR = Pattern.compile("\\s*[-:(|,]");

	private EventTitles() {
	}

	static Meaning meaning(String title) {
		if (title == null) {
			return Meaning.UNKNOWN;
		}
		String normalized = normalize(title);
		Meaning whole = TITLES.get(normalized);
		if (whole != null) {
			return whole;
		}
		String head = SEPARATOR.split(normalized, 2)[0].strip();
		return TITLES.getOrDefault(head, Meaning.UNKNOWN);
	}

	/**
	 * @param hasConfirmationCode an unknown title with an Airbnb code is a reservation:
	 * older Airbnb feeds put the guest's name in the title ({@code Jane D. (HMN7KX2P4R)})
	 */
	static FeedEventKind kind(String title, boolean closedAsReservation, boolean hasConfirmationCode) {
		return switch (meaning(title)) {
			case RESERVED -> FeedEventKind.RESERVATION;
			case TENTATIVE -> FeedEventKind.TENTATIVE;
			case CLOSED -> closedAsReservation ? FeedEventKind.RESERVATION : FeedEventKind.BLOCK;
			case UNAVAILABLE -> FeedEventKind.BLOCK;
			case UNKNOWN -> hasConfirmationCode ? FeedEventKind.RESERVATION : FeedEventKind.BLOCK;
		};
	}

	static String normalize(String title) {
		String withoutAccents = ACCENTS.matcher(Normalizer.normalize(title, Normalizer.Form.NFD)).replaceAll("");
		String plainDashes = DASHES.matcher(withoutAccents).replaceAll("-");
		return SPACES.matcher(plainDashes).replaceAll(" ").strip().toLowerCase(Locale.ROOT);
	}

}

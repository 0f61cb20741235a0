package io.staysync.bookings.internal;

import java.util.regex.Pattern;

/**
 * What may be stored of a guest's e-mail address and phone number: the value as given,
 * trimmed, or nothing. A value is never shortened to fit, because a cut address or number
 * reaches someone else. The problems name the rule, never the value: they end up in log
 * lines and in answers, and the value is the guest's personal data.
 */
final class GuestContact {

	/** The longest address SMTP delivers to (RFC 5321 path less its brackets). */
	static final int MAX_EMAIL = 254;

	/** Any international number with spaces, punctuation and an extension. */
	static final int MAX_PHONE = 40;

	/** One {@code @} between a local part and a domain, without white space. */
	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

	private GuestContact() {
	}

	/** The value to work with: trimmed, {@code null} when blank. */
	static String trimmed(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	/**
	 * Why a (trimmed) e-mail address cannot be stored, or {@code null} when it can or is
	 * absent.
	 */
	static String emailProblem(String email) {
		if (email == null) {
			return null;
		}
		if (email.length() > MAX_EMAIL) {
			return "must be at most " + MAX_EMAIL + " characters";
		}
		if (hasControlCharacters(email) || !EMAIL.matcher(email).matches()) {
			return "must be one e-mail address such as ana@example.com, without spaces or control characters";
		}
		return null;
	}

	/**
	 * Why a (trimmed) phone number cannot be stored, or {@code null} when it can or is
	 * absent.
	 */
	static String phoneProblem(String phone) {
		if (phone == null) {
			return null;
		}
		if (phone.length() > MAX_PHONE) {
			return "must be at most " + MAX_PHONE + " characters";
		}
		if (hasControlCharacters(phone) || phone.chars().noneMatch(Character::isDigit)) {
			return "must be a phone number such as +34 600 123 456, without control characters";
		}
		return null;
	}

	/**
	 * Control and format characters (line breaks, escape sequences, bidirectional
	 * overrides, zero-width joiners) have no place in an address or number; they are what
	 * forges a log line or disguises a value on a page.
	 */
	private static boolean hasControlCharacters(String value) {
		return value.codePoints().anyMatch(c -> switch (Character.getType(c)) {
			case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
					Character.SURROGATE, Character.UNASSIGNED, Character.PRIVATE_USE ->
				true;
			default -> false;
		});
	}

}

package io.staysync.channels.ical;

/**
 * RFC 5545 content lines: TEXT values escaped (section 3.3.11), lines folded so that none
 * is longer than 75 octets of UTF-8 without counting its CRLF, never inside a character
 * (section 3.1). Google Calendar silently drops a whole feed whose folding is wrong, so
 * this counts bytes rather than characters.
 */
final class ContentLines {

	static final int MAX_OCTETS = 75;

	private static final String CRLF = "\r\n";

	private final StringBuilder text = new StringBuilder();

	/** Adds {@code name:value}, the value already in its iCalendar form. */
	ContentLines add(String name, String value) {
		fold(name + ":" + value);
		return this;
	}

	/** Adds {@code name:value} with {@code value} escaped as TEXT. */
	ContentLines addText(String name, String value) {
		return add(name, escape(value));
	}

	@Override
	public String toString() {
		return text.toString();
	}

	/**
	 * Backslash, semicolon, comma and line breaks escaped; other control characters and
	 * unpaired surrogates, which RFC 5545 does not allow in TEXT, left out.
	 */
	static String escape(String value) {
		StringBuilder escaped = new StringBuilder(value.length() + 8);
		String lineBreaksAsLf = value.replace("\r\n", "\n").replace('\r', '\n');
		lineBreaksAsLf.codePoints().forEach(codePoint -> {
			switch (codePoint) {
				case '\\' -> escaped.append("\\\\");
				case ';' -> escaped.append("\\;");
				case ',' -> escaped.append("\\,");
				case '\n' -> escaped.append("\\n");
				default -> {
					if (allowedInText(codePoint)) {
						escaped.appendCodePoint(codePoint);
					}
				}
			}
		});
		return escaped.toString();
	}

	private static boolean allowedInText(int codePoint) {
		boolean control = codePoint < 0x20 && codePoint != '\t' || codePoint == 0x7F;
		return !control && Character.getType(codePoint) != Character.SURROGATE;
	}

	private void fold(String line) {
		int octets = 0;
		for (int i = 0; i < line.length();) {
			int codePoint = line.codePointAt(i);
			int size = utf8Octets(codePoint);
			if (octets + size > MAX_OCTETS) {
				text.append(CRLF).append(' ');
				octets = 1;
			}
			text.appendCodePoint(codePoint);
			octets += size;
			i += Character.charCount(codePoint);
		}
		text.append(CRLF);
	}

	private static int utf8Octets(int codePoint) {
		if (codePoint < 0x80) {
			return 1;
		}
		if (codePoint < 0x800) {
			return 2;
		}
		return codePoint < 0x10000 ? 3 : 4;
	}

}

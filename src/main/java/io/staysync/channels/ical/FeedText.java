package io.staysync.channels.ical;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a fetched body into unfolded text with CRLF line endings and no blank lines. A
 * byte-order mark wins over the Content-Type's charset (servers often declare one thing
 * and send another), which wins over UTF-8, the only charset RFC 5545 allows. Lines are
 * unfolded before decoding, because naive writers fold in the middle of a multi-byte
 * character. Undecodable bytes become U+FFFD rather than an exception: what to make of
 * them is the screening's job.
 */
final class FeedText {

	private static final Pattern CHARSET = Pattern.compile("charset\\s*=\\s*[\"']?([^\"';\\s]+)",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern FOLD = Pattern.compile("(?:\r\n|\r|\n)[ \t]");

	private static final byte[] ASCII_BREAKS = { '\r', '\n', ' ', '\t' };

	private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n");

	private FeedText() {
	}

	static String read(byte[] body, String contentType) {
		return normalizeLines(unfoldedText(body, contentType));
	}

	private static String unfoldedText(byte[] body, String contentType) {
		if (startsWith(body, 0xEF, 0xBB, 0xBF)) {
			return new String(unfold(body, 3), StandardCharsets.UTF_8);
		}
		if (startsWith(body, 0xFE, 0xFF) || startsWith(body, 0xFF, 0xFE)) {
			Charset utf16 = body[0] == (byte) 0xFE ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_16LE;
			return FOLD.matcher(new String(body, 2, body.length - 2, utf16)).replaceAll("");
		}
		Charset charset = declaredCharset(contentType).orElse(StandardCharsets.UTF_8);
		if (!Arrays.equals(ASCII_BREAKS, "\r\n \t".getBytes(charset))) {
			return FOLD.matcher(new String(body, charset)).replaceAll("");
		}
		String text = new String(unfold(body, 0), charset);
		return text.startsWith("\uFEFF") ? text.substring(1) : text;
	}

	/**
	 * The bytes without the line breaks that a space or tab follows, with that space or
	 * tab (RFC 5545 section 3.1), for charsets where CR, LF and space are single bytes
	 * that never occur inside a character.
	 */
	private static byte[] unfold(byte[] body, int from) {
		byte[] unfolded = new byte[body.length - from];
		int length = 0;
		int i = from;
		while (i < body.length) {
			int breakLength = body[i] == '\r' && next(body, i + 1) == '\n' ? 2
					: body[i] == '\r' || body[i] == '\n' ? 1 : 0;
			int afterBreak = next(body, i + breakLength);
			if (breakLength > 0 && (afterBreak == ' ' || afterBreak == '\t')) {
				i += breakLength + 1;
			}
			else {
				unfolded[length++] = body[i++];
			}
		}
		return Arrays.copyOf(unfolded, length);
	}

	private static int next(byte[] body, int index) {
		return index < body.length ? body[index] : -1;
	}

	/**
	 * CRLF after every line, blank lines left out: RFC 5545 has none, and strict readers
	 * choke on them.
	 */
	private static String normalizeLines(String text) {
		StringBuilder normalized = new StringBuilder(text.length() + text.length() / 32);
		for (String line : LINE_BREAK.split(text)) {
			if (!line.isBlank()) {
				normalized.append(line).append("\r\n");
			}
		}
		return normalized.toString();
	}

	private static Optional<Charset> declaredCharset(String contentType) {
		if (contentType == null) {
			return Optional.empty();
		}
		Matcher matcher = CHARSET.matcher(contentType);
		if (!matcher.find()) {
			return Optional.empty();
		}
		try {
			return Optional.of(Charset.forName(matcher.group(1).toUpperCase(Locale.ROOT)));
		}
		catch (IllegalArgumentException unknownOrIllegal) {
			return Optional.empty();
		}
	}

	private static boolean startsWith(byte[] body, int... prefix) {
		if (body.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if ((body[i] & 0xFF) != prefix[i]) {
				return false;
			}
		}
		return true;
	}

}

package io.staysync.common.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * A host written as an IPv4 number in any form the C library's {@code inet_aton} accepts:
 * {@code 2130706433}, {@code 0177.0.0.1}, {@code 0x7f.0.0.1}, {@code 127.1}. Java reads
 * some of them differently from curl, browsers and proxies ({@code 0177} as decimal 177),
 * so they are read the C way here, checked against the policy, and refused unless written
 * plainly.
 *
 * @param address the address the C library would connect to
 * @param plain whether it was written as four decimal numbers without leading zeros
 */
record NumericHost(InetAddress address, boolean plain) {

	private static final Pattern NUMBER = Pattern.compile("0[xX][0-9a-fA-F]*|[0-9]+");

	private static final Pattern PLAIN = Pattern.compile("(0|[1-9][0-9]{0,2})(\\.(0|[1-9][0-9]{0,2})){3}");

	/**
	 * The address a numeric host stands for, or null when the host is a name.
	 * @throws IllegalArgumentException when it is numeric but no valid address
	 */
	static NumericHost parse(String host) {
		String trimmed = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
		String[] parts = trimmed.split("\\.", -1);
		if (!Arrays.stream(parts).allMatch(part -> NUMBER.matcher(part).matches())) {
			return null;
		}
		if (parts.length > 4) {
			throw new IllegalArgumentException("Not an IPv4 address: more than four parts");
		}
		long value = 0;
		for (int i = 0; i < parts.length - 1; i++) {
			value = value << 8 | number(parts[i], 0xff);
		}
		int lastBits = 8 * (5 - parts.length);
		value = value << lastBits | number(parts[parts.length - 1], (1L << lastBits) - 1);
		byte[] bytes = { (byte) (value >> 24), (byte) (value >> 16), (byte) (value >> 8), (byte) value };
		try {
			return new NumericHost(InetAddress.getByAddress(bytes), PLAIN.matcher(host).matches());
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static long number(String part, long max) {
		long value;
		if (part.startsWith("0x") || part.startsWith("0X")) {
			value = part.length() > 2 && part.length() <= 10 ? Long.parseLong(part.substring(2), 16) : -1;
		}
		else if (part.length() > 1 && part.startsWith("0")) {
			value = part.matches("[0-7]{1,12}") ? Long.parseLong(part, 8) : -1;
		}
		else {
			value = part.length() <= 10 ? Long.parseLong(part) : -1;
		}
		if (value < 0 || value > max) {
			throw new IllegalArgumentException("Not an IPv4 address: " + part);
		}
		return value;
	}

}

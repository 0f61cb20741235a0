package io.staysync.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;

/**
 * Inputs for the fuzz tests, made from the fuzzer's bytes: either those bytes as they are
 * (random input), or a real recorded payload from {@code src/test/resources} damaged the
 * ways transport and strangers damage payloads: cut, a range deleted or repeated, a byte
 * changed, a value of the format's own nasty kind (huge numbers, entities, deep nesting,
 * control and right-to-left characters) pushed in, possibly many times over. Every input
 * is at most {@code maxBytes} long, so that no try costs more than a bounded amount.
 */
public final class FuzzInputs {

	/** Values that have broken parsers of every format. */
	public static final List<String> ANY_FORMAT = List.of("\u0000", "\uFFFD", "\u202E", "\uD83C\uDFE0", "\r", "\n",
			"\r\n ", "\t", "-1", "-0", "0", "2147483648", "-2147483649", "9223372036854775808",
			"99999999999999999999999999999999", "1e2147483647", "1E-2147483648", "NaN", "Infinity", "%s%n",
			"${jndi:ldap://x}", "A".repeat(5000), "\u00e9\u00e8", "\\", "\"", "'", ";", ":", ",", "=", "<", ">", "&");

	private static final int MAX_MUTATIONS = 6;

	private FuzzInputs() {
	}

	/**
	 * The bytes of a test resource, such as {@code /channels/ical/airbnb-listing.ics}.
	 */
	public static byte[] resource(String path) {
		try (InputStream in = FuzzInputs.class.getResourceAsStream(path)) {
			if (in == null) {
				throw new IllegalArgumentException("no test resource " + path);
			}
			return in.readAllBytes();
		}
		catch (IOException unreadable) {
			throw new UncheckedIOException(unreadable);
		}
	}

	/** The bytes of several test resources. */
	public static List<byte[]> resources(String... paths) {
		return Arrays.stream(paths).map(FuzzInputs::resource).toList();
	}

	/**
	 * One input: a damaged fixture most of the time, else raw bytes.
	 * @param fixtures real payloads of the format
	 * @param injections values of the format's own to push in, besides
	 * {@link #ANY_FORMAT}
	 */
	public static byte[] of(FuzzedDataProvider data, List<byte[]> fixtures, List<String> injections, int maxBytes) {
		// Short inputs read as zeros: the first fixture, as recorded, is where they
		// start.
		if (data.consumeInt(0, 4) == 4) {
			return data.consumeBytes(maxBytes);
		}
		byte[] input = fixtures.get(data.consumeInt(0, fixtures.size() - 1));
		int mutations = data.consumeInt(1, MAX_MUTATIONS);
		for (int i = 0; i < mutations && data.remainingBytes() > 0; i++) {
			input = mutate(data, input, injections, maxBytes);
		}
		return input.length > maxBytes ? Arrays.copyOf(input, maxBytes) : input;
	}

	private static byte[] mutate(FuzzedDataProvider data, byte[] input, List<String> injections, int maxBytes) {
		int at = input.length == 0 ? 0 : data.consumeInt(0, input.length);
		int length = data.consumeInt(0, Math.max(0, input.length - at));
		return switch (data.consumeInt(0, 5)) {
			case 0 -> Arrays.copyOf(input, at);
			case 1 -> splice(input, at, length, new byte[0]);
			case 2 -> splice(input, at, 0, Arrays.copyOfRange(input, at, at + length));
			case 3 -> {
				byte[] changed = input.clone();
				if (at < changed.length) {
					changed[at] = data.consumeByte();
				}
				yield changed;
			}
			case 4 -> splice(input, at, 0, data.consumeBytes(64));
			default -> splice(input, at, 0, injection(data, injections, maxBytes));
		};
	}

	/** A nasty value, repeated up to a thousand times (deep nesting, entity fan-out). */
	private static byte[] injection(FuzzedDataProvider data, List<String> injections, int maxBytes) {
		List<String> all = new ArrayList<>(injections);
		all.addAll(ANY_FORMAT);
		byte[] one = all.get(data.consumeInt(0, all.size() - 1)).getBytes(StandardCharsets.UTF_8);
		int times = Math.min(data.consumeInt(1, 1000), Math.max(1, maxBytes / Math.max(1, one.length)));
		byte[] repeated = new byte[one.length * times];
		for (int i = 0; i < times; i++) {
			System.arraycopy(one, 0, repeated, i * one.length, one.length);
		}
		return repeated;
	}

	private static byte[] splice(byte[] input, int at, int removed, byte[] inserted) {
		byte[] result = new byte[input.length - removed + inserted.length];
		System.arraycopy(input, 0, result, 0, at);
		System.arraycopy(inserted, 0, result, at, inserted.length);
		System.arraycopy(input, at + removed, result, at + inserted.length, input.length - at - removed);
		return result;
	}

}

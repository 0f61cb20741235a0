package io.staysync.channels;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.staysync.common.NotFoundException;
import io.staysync.common.StoredInLowerCase;

/**
 * The channels Staysync integrates with; {@code ical} is any other iCal calendar (Vrbo,
 * Google, …).
 */
public enum ChannelType implements StoredInLowerCase {

	AIRBNB("airbnb", Set.of(ChannelMode.ICAL, ChannelMode.API)),
	BOOKING_COM("booking_com", Set.of(ChannelMode.ICAL, ChannelMode.API)), ICAL("ical", Set.of(ChannelMode.ICAL));

	private final String path;

	private final Set<ChannelMode> modes;

	ChannelType(String path, Set<ChannelMode> modes) {
		this.path = path;
		this.modes = modes;
	}

	/** The name in URLs; the same word as in JSON and the database ({@link #json()}). */
	public String path() {
		return path;
	}

	public boolean supports(ChannelMode mode) {
		return modes.contains(mode);
	}

	public List<ChannelMode> modes() {
		return modes.stream().sorted().toList();
	}

	/**
	 * Reads a type from a URL; {@code bookingcom} is accepted for {@code booking_com}.
	 */
	public static ChannelType fromPath(String value) {
		String normalized = value == null ? "" : value.toLowerCase(Locale.ROOT);
		if (normalized.equals("bookingcom")) {
			return BOOKING_COM;
		}
		return Arrays.stream(values())
			.filter(type -> type.path.equals(normalized))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("There is no integration type '" + abbreviate(value)
					+ "'. Valid types are airbnb, booking_com (also bookingcom) and ical."));
	}

	private static String abbreviate(String value) {
		String safe = value == null ? "" : value.replaceAll("[^A-Za-z0-9_.-]", "?");
		return safe.length() > 40 ? safe.substring(0, 40) + "…" : safe;
	}

}

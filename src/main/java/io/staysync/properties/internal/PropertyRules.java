package io.staysync.properties.internal;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import io.staysync.common.InvalidInputException;
import io.staysync.common.InvalidInputException.FieldProblem;

/**
 * The rules of a property's details, written once: the API and the console annotate their
 * forms with these limits and messages so that a bad field is named early, and
 * {@link PropertyManagement} checks them again, so that no caller can store a property
 * that breaks them.
 */
public final class PropertyRules {

	public static final int NAME_MAX = 200;

	public static final int MIN_GUESTS = 1;

	public static final int MAX_GUESTS = 100;

	public static final int ADDRESS_LINE_MAX = 200;

	public static final int CITY_MAX = 100;

	public static final int POSTAL_CODE_MAX = 20;

	public static final int REGION_MAX = 100;

	public static final String COUNTRY_CODE = "[A-Z]{2}";

	/** For a form field that sends an empty string when left blank. */
	public static final String COUNTRY_CODE_OR_BLANK = "(" + COUNTRY_CODE + ")?";

	public static final String COUNTRY_CODE_MESSAGE = "must be an ISO 3166 alpha-2 country code such as FR";

	public static final LocalTime DEFAULT_CHECK_IN = LocalTime.of(15, 0);

	public static final LocalTime DEFAULT_CHECK_OUT = LocalTime.of(11, 0);

	/** What a new property's form starts with; nothing requires it. */
	public static final String SUGGESTED_TIME_ZONE = "Europe/Paris";

	public static final int SUGGESTED_MAX_GUESTS = 4;

	static final String TIME_ZONE_MESSAGE = "must be an IANA time zone such as Europe/Lisbon";

	static final String FIXED_OFFSET_MESSAGE = TIME_ZONE_MESSAGE + " (or UTC), not a fixed offset: an offset"
			+ " does not follow daylight saving time, so check-in times would be an hour off for half of the year";

	/**
	 * Every time zone a property may have, sorted: the region-based IANA zones that Java
	 * knows, and UTC. {@code Etc/} and {@code SystemV/} zones are fixed offsets in
	 * disguise ({@code Etc/GMT+2}).
	 */
	public static final List<String> TIME_ZONES = Stream
		.concat(ZoneId.getAvailableZoneIds()
			.stream()
			.filter(zone -> zone.contains("/") && !zone.startsWith("Etc/") && !zone.startsWith("SystemV/")),
				Stream.of("UTC"))
		.sorted()
		.toList();

	private PropertyRules() {
	}

	/** What is wrong with a time zone, empty when a property may have it. */
	public static Optional<String> timeZoneProblem(String zone) {
		if (zone != null && TIME_ZONES.contains(zone)) {
			return Optional.empty();
		}
		return Optional.of(isFixedOffset(zone) ? FIXED_OFFSET_MESSAGE : TIME_ZONE_MESSAGE);
	}

	/** Refuses details that break a rule, naming each field at fault (400). */
	static void check(PropertyDetails details) {
		List<FieldProblem> problems = new ArrayList<>();
		if (details.name() == null || details.name().isBlank()) {
			problems.add(new FieldProblem("name", "must not be blank"));
		}
		else if (details.name().trim().length() > NAME_MAX) {
			problems.add(new FieldProblem("name", "must be at most " + NAME_MAX + " characters"));
		}
		timeZoneProblem(details.timeZone()).ifPresent(message -> problems.add(new FieldProblem("timeZone", message)));
		if (details.maxGuests() < MIN_GUESTS || details.maxGuests() > MAX_GUESTS) {
			problems.add(new FieldProblem("maxGuests", "must be between " + MIN_GUESTS + " and " + MAX_GUESTS));
		}
		Property.Address address = details.address();
		if (address != null) {
			checkLength("addressLine1", address.addressLine1(), ADDRESS_LINE_MAX, problems);
			checkLength("addressLine2", address.addressLine2(), ADDRESS_LINE_MAX, problems);
			checkLength("city", address.city(), CITY_MAX, problems);
			checkLength("postalCode", address.postalCode(), POSTAL_CODE_MAX, problems);
			checkLength("region", address.region(), REGION_MAX, problems);
			if (address.countryCode() != null && !address.countryCode().matches(COUNTRY_CODE)) {
				problems.add(new FieldProblem("countryCode", COUNTRY_CODE_MESSAGE));
			}
		}
		if (!problems.isEmpty()) {
			throw InvalidInputException.of(problems);
		}
	}

	private static void checkLength(String field, String value, int max, List<FieldProblem> problems) {
		if (value != null && value.length() > max) {
			problems.add(new FieldProblem(field, "must be at most " + max + " characters"));
		}
	}

	/**
	 * {@code +02:00}, {@code UTC+2}, {@code GMT-5}, {@code Etc/GMT+2}, {@code Etc/UTC}:
	 * any zone without daylight saving rules.
	 */
	private static boolean isFixedOffset(String zone) {
		if (zone == null || zone.isBlank()) {
			return false;
		}
		try {
			return ZoneId.of(zone.trim()).getRules().isFixedOffset();
		}
		catch (DateTimeException unknown) {
			return false;
		}
	}

}

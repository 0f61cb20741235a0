package io.staysync.channels.ical;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.parameter.TzId;

import io.staysync.common.TimeLimit;

/**
 * TZIDs that neither the feed's own VTIMEZONEs nor the known zone names explain: a PMS's
 * private names, Mozilla's old {@code /mozilla.org/20050126_1/Europe/Berlin}. ical4j only
 * fails on them when a date is read, so they are looked for after a first read, and the
 * calendar is read again with each replaced by the IANA zone its name ends with or, when
 * there is none, removed: the times then float, and float on the property's clock.
 * <p>
 * Both steps are linear in the calendar: each distinct name is resolved once, however
 * many properties carry it, and every name is replaced in one pass over the text (one
 * pattern and search per unknown name, each over the whole calendar, made 10,000 names in
 * a 5 MB feed 50 GB of scanning). {@link TimeZoneIds} has already bounded how many names
 * there are and how long they are.
 */
final class UnknownTimeZones {

	private static final Pattern IANA_SUFFIX = Pattern.compile("[A-Za-z_]+/[A-Za-z_+-]+(?:/[A-Za-z_+-]+)?$");

	/** A TZID parameter, quoted or not, followed by the next parameter or the value. */
	private static final Pattern TZID = Pattern.compile(";TZID=(?:\"([^\"\\r\\n]*)\"|([^\";:\\r\\n]*))(?=[;:])",
			Pattern.CASE_INSENSITIVE);

	private UnknownTimeZones() {
	}

	static Set<String> in(Calendar calendar, TimeZoneRegistry registry, TimeLimit limit) {
		Map<String, Boolean> resolved = new HashMap<>();
		Set<String> unknown = new LinkedHashSet<>();
		for (Component event : calendar.getComponents(Component.VEVENT)) {
			limit.check();
			for (Property property : event.getProperties()) {
				Optional<TzId> tzId = property.getParameter(Parameter.TZID);
				tzId.filter(id -> !resolved.computeIfAbsent(id.getValue(), name -> resolves(id, registry)))
					.ifPresent(id -> unknown.add(id.getValue()));
			}
		}
		return unknown;
	}

	/**
	 * The calendar with each unknown TZID parameter replaced by the zone its name ends
	 * with, or removed; in one pass.
	 */
	static String replaced(String calendar, Set<String> unknown) {
		Map<String, String> replacements = new HashMap<>();
		unknown.forEach(id -> replacements.put(id, ianaSuffix(id).map(zone -> ";TZID=" + zone).orElse("")));
		Matcher tzId = TZID.matcher(calendar);
		StringBuilder replaced = new StringBuilder(calendar.length());
		while (tzId.find()) {
			String replacement = replacements.get(tzId.group(1) != null ? tzId.group(1) : tzId.group(2));
			tzId.appendReplacement(replaced,
					Matcher.quoteReplacement(replacement != null ? replacement : tzId.group()));
		}
		return tzId.appendTail(replaced).toString();
	}

	private static boolean resolves(TzId id, TimeZoneRegistry registry) {
		try {
			id.toZoneId(registry);
			return true;
		}
		catch (RuntimeException unknown) {
			return false;
		}
	}

	private static Optional<String> ianaSuffix(String id) {
		Matcher matcher = IANA_SUFFIX.matcher(id);
		if (!matcher.find()) {
			return Optional.empty();
		}
		try {
			return Optional.of(ZoneId.of(matcher.group()).getId());
		}
		catch (RuntimeException notAZone) {
			return Optional.empty();
		}
	}

}

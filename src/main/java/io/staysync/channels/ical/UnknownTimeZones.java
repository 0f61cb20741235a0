package io.staysync.channels.ical;

import java.time.ZoneId;
import java.util.LinkedHashSet;
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

/**
 * TZIDs that neither the feed's own VTIMEZONEs nor the known zone names explain: a PMS's
 * private names, Mozilla's old {@code /mozilla.org/20050126_1/Europe/Berlin}. ical4j only
 * fails on them when a date is read, so they are looked for after a first read, and the
 * calendar is read again with each replaced by the IANA zone its name ends with or, when
 * there is none, removed: the times then float, and float on the property's clock.
 */
final class UnknownTimeZones {

	private static final Pattern IANA_SUFFIX = Pattern.compile("[A-Za-z_]+/[A-Za-z_+-]+(?:/[A-Za-z_+-]+)?$");

	private UnknownTimeZones() {
	}

	static Set<String> in(Calendar calendar, TimeZoneRegistry registry) {
		Set<String> unknown = new LinkedHashSet<>();
		for (Component event : calendar.getComponents(Component.VEVENT)) {
			for (Property property : event.getProperties()) {
				Optional<TzId> tzId = property.getParameter(Parameter.TZID);
				tzId.filter(id -> !resolves(id, registry)).ifPresent(id -> unknown.add(id.getValue()));
			}
		}
		return unknown;
	}

	static String replaced(String calendar, Set<String> unknown) {
		String replaced = calendar;
		for (String id : unknown) {
			String replacement = ianaSuffix(id).map(zone -> ";TZID=" + zone).orElse("");
			replaced = Pattern.compile(";TZID=(\"?)" + Pattern.quote(id) + "\\1(?=[;:])", Pattern.CASE_INSENSITIVE)
				.matcher(replaced)
				.replaceAll(Matcher.quoteReplacement(replacement));
		}
		return replaced;
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

package io.staysync.channels.ical;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.Temporal;
import java.util.HashSet;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.ExDate;
import net.fortuna.ical4j.model.property.RDate;
import net.fortuna.ical4j.model.property.RRule;

/**
 * Where the occurrences of a recurring event start, on the property's clock: DTSTART,
 * each RRULE instance and each RDATE, less the EXDATEs. Rules are asked only for the
 * stretch that can touch the horizon, so an endless rule ends, and at most
 * {@value #MAX_PER_RULE} instances are taken from one rule, so a rule that repeats every
 * minute cannot flood the calendar. An EXDATE without a time removes every occurrence of
 * its day.
 */
final class Occurrences {

	static final int MAX_PER_RULE = 1000;

	private final PropertyTime time;

	Occurrences(PropertyTime time) {
		this.time = time;
	}

	static boolean recurs(VEvent event) {
		return event.getProperty(Property.RRULE).isPresent() || event.getProperty(Property.RDATE).isPresent();
	}

	/**
	 * @param seed the event's DTSTART as ical4j read it (its type decides the rule's)
	 * @param nights how long one occurrence is, to reach back for one that began before
	 * {@code from} and is still going on
	 */
	SortedSet<LocalDateTime> starts(VEvent event, Temporal seed, long nights, LocalDate from, LocalDate to) {
		SortedSet<LocalDateTime> starts = new TreeSet<>();
		starts.add(time.local(seed));
		Temporal lower = PropertyTime.sameKind(seed, from.minusDays(nights + 2));
		Temporal upper = PropertyTime.sameKind(seed, to.plusDays(2));
		for (RRule<Temporal> rule : event.<RRule<Temporal>>getProperties(Property.RRULE)) {
			rule.getRecur().getDates(seed, lower, upper, MAX_PER_RULE).forEach(start -> starts.add(time.local(start)));
		}
		for (RDate<Temporal> dates : event.<RDate<Temporal>>getProperties(Property.RDATE)) {
			dates.getPeriods()
				.ifPresentOrElse(
						periods -> periods.stream().map(Period::getStart).forEach(s -> starts.add(time.local(s))),
						() -> dates.getDates().forEach(start -> starts.add(time.local(start))));
		}
		removeExceptions(event, starts);
		return starts;
	}

	private void removeExceptions(VEvent event, SortedSet<LocalDateTime> starts) {
		Set<LocalDateTime> times = new HashSet<>();
		Set<LocalDate> days = new HashSet<>();
		for (ExDate<Temporal> exceptions : event.<ExDate<Temporal>>getProperties(Property.EXDATE)) {
			for (Temporal exception : exceptions.getDates()) {
				if (exception instanceof LocalDate day) {
					days.add(day);
				}
				else {
					times.add(time.local(exception));
				}
			}
		}
		starts.removeIf(start -> times.contains(start) || days.contains(start.toLocalDate()));
	}

}

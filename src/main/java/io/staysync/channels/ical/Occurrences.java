package io.staysync.channels.ical;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.Temporal;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.ExDate;
import net.fortuna.ical4j.model.property.RDate;
import net.fortuna.ical4j.model.property.RRule;

import io.staysync.common.TimeLimit;

/**
 * Where the occurrences of a recurring event start, on the property's clock: DTSTART,
 * each RRULE instance and each RDATE, less the EXDATEs. Only the stretch that can touch
 * the horizon is looked at, and rules are expanded from there, not from DTSTART (see
 * {@link RecurrenceStart}), so an endless rule ends and an old one costs no more than a
 * new one. An event with more than {@value #MAX_PER_EVENT} occurrences in that stretch,
 * or a rule repeating within the day, is refused rather than cut short: a stay begins at
 * most once a day, and the stretch is about 800 days. An EXDATE without a time removes
 * every occurrence of its day.
 */
final class Occurrences {

	static final int MAX_PER_EVENT = 1000;

	private final PropertyTime time;

	private final TimeLimit limit;

	Occurrences(PropertyTime time, TimeLimit limit) {
		this.time = time;
		this.limit = limit;
	}

	static boolean recurs(VEvent event) {
		return event.getProperty(Property.RRULE).isPresent() || event.getProperty(Property.RDATE).isPresent();
	}

	/**
	 * @param seed the event's DTSTART as ical4j read it (its type decides the rule's)
	 * @param nights how long one occurrence is, to reach back for one that began before
	 * {@code from} and is still going on
	 * @throws RefusedEventException for an event Staysync does not read as stays
	 */
	SortedSet<LocalDateTime> starts(VEvent event, Temporal seed, long nights, LocalDate from, LocalDate to) {
		LocalDate first = from.minusDays(nights + 2);
		LocalDate last = to.plusDays(2);
		Temporal lower = PropertyTime.sameKind(seed, first);
		Temporal upper = PropertyTime.sameKind(seed, last);
		Starts starts = new Starts(first, last);
		starts.add(time.local(seed));
		for (RRule<Temporal> rule : event.<RRule<Temporal>>getProperties(Property.RRULE)) {
			limit.check();
			Optional<RecurrenceStart.Start> start = RecurrenceStart.of(rule.getRecur(), seed, lower, upper);
			if (start.isPresent()) {
				start.get()
					.rule()
					.getDates(start.get().seed(), lower, upper, MAX_PER_EVENT + 1)
					.forEach(date -> starts.add(time.local(date)));
			}
		}
		for (RDate<Temporal> dates : event.<RDate<Temporal>>getProperties(Property.RDATE)) {
			limit.check();
			dates.getPeriods()
				.ifPresentOrElse(
						periods -> periods.stream().map(Period::getStart).forEach(s -> starts.add(time.local(s))),
						() -> dates.getDates().forEach(start -> starts.add(time.local(start))));
		}
		removeExceptions(event, starts.all);
		return starts.all;
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

	/**
	 * The starts within the stretch, refusing the event past {@value #MAX_PER_EVENT}.
	 */
	private static final class Starts {

		private final SortedSet<LocalDateTime> all = new TreeSet<>();

		private final LocalDateTime first;

		private final LocalDateTime last;

		Starts(LocalDate first, LocalDate last) {
			this.first = first.atStartOfDay();
			this.last = last.atStartOfDay();
		}

		void add(LocalDateTime start) {
			if (start.isBefore(first) || start.isAfter(last)) {
				return;
			}
			all.add(start);
			if (all.size() > MAX_PER_EVENT) {
				throw new RefusedEventException(String.format(Locale.ROOT,
						"it repeats more than %,d times between %s and %s, more often than stays can follow one another",
						MAX_PER_EVENT, first.toLocalDate(), last.toLocalDate()));
			}
		}

	}

}

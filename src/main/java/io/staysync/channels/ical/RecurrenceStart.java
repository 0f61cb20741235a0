package io.staysync.channels.ical;

import java.time.Instant;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.transform.recurrence.Frequency;

/**
 * Where ical4j starts expanding a rule, so that it works from the synced period and never
 * walks from a DTSTART years back to it. Asked for the occurrences within a period,
 * ical4j steps from DTSTART one interval at a time until it gets there (a weekly rule
 * begun in 1990 is 1,900 steps at every sync, a rule repeating every second since January
 * tens of millions), and for a rule with COUNT it goes through, and keeps, every
 * occurrence since DTSTART, because they count.
 * <p>
 * So the rule's start is moved forward by whole intervals to one interval before the
 * period, onto a day and time the rule itself would have started a period on (same day of
 * the month, same wall-clock time), which yields exactly the occurrences the rule has
 * there. A rule with COUNT moves too when every interval holds exactly one occurrence (no
 * BY parts), its count lowered by the intervals skipped; when its COUNT cannot run out
 * before the period ends, it is read without it. Any other counted rule is walked from
 * DTSTART only if that is at most {@value #MAX_COUNTED_CANDIDATES} candidates, and
 * refused otherwise.
 * <p>
 * Rules that repeat within a day (SECONDLY, MINUTELY, HOURLY, or several BYHOUR, BYMINUTE
 * or BYSECOND values) are refused: a stay begins at most once a day, and such rules are
 * how a 1 KB feed becomes millions of occurrences.
 */
final class RecurrenceStart {

	/**
	 * The most candidates a counted rule with BY parts may be walked through from
	 * DTSTART: about 55 years of any frequency.
	 */
	static final long MAX_COUNTED_CANDIDATES = 20_000;

	/**
	 * The most values one BY part may list: twice the days of a year (BYYEARDAY counts
	 * from both ends). Every value is applied to every interval, so a list of a million
	 * ones is a million times the work.
	 */
	static final int MAX_RULE_VALUES = 732;

	/** How far back an aligned start is looked for before expanding from DTSTART. */
	private static final int MAX_ALIGNMENT_TRIES = 1000;

	private static final List<ChronoField> CLOCK = List.of(ChronoField.HOUR_OF_DAY, ChronoField.MINUTE_OF_HOUR,
			ChronoField.SECOND_OF_MINUTE, ChronoField.OFFSET_SECONDS);

	private static final List<ChronoField> DAY_AND_CLOCK = List.of(ChronoField.DAY_OF_MONTH, ChronoField.HOUR_OF_DAY,
			ChronoField.MINUTE_OF_HOUR, ChronoField.SECOND_OF_MINUTE, ChronoField.OFFSET_SECONDS);

	private RecurrenceStart() {
	}

	/**
	 * The rule and seed to expand with, or nothing when no occurrence of the rule can
	 * fall in the period (its COUNT ran out before it).
	 * @param seed the event's DTSTART as ical4j read it
	 * @param lower the start of the period, of the seed's kind
	 * @param upper the end of the period, of the seed's kind
	 * @throws RefusedEventException for a rule Staysync does not read as stays
	 */
	static Optional<Start> of(Recur<Temporal> rule, Temporal seed, Temporal lower, Temporal upper) {
		ChronoUnit unit = stayUnit(rule);
		refuseOversizedLists(rule);
		if (seed instanceof Instant || !seed.isSupported(unit)) {
			return Optional.of(new Start(rule, seed));
		}
		long interval = Math.max(1, rule.getInterval());
		long intervals = unit.between(seed, lower) / interval - 1;
		if (intervals <= 0) {
			return Optional.of(new Start(rule, seed));
		}
		if (rule.getCount() < 1) {
			return Optional.of(moved(rule, seed, alignedSteps(seed, intervals, interval, unit), interval, unit));
		}
		if (oneOccurrencePerInterval(rule, seed)) {
			long skipped = alignedSteps(seed, intervals, interval, unit);
			long left = rule.getCount() - skipped;
			return left <= 0 ? Optional.empty()
					: Optional.of(moved(withCount(rule, (int) left), seed, skipped, interval, unit));
		}
		long perInterval = mostPerInterval(rule.getFrequency());
		long intervalsToEnd = unit.between(seed, upper) / interval + 1;
		if (rule.getCount() >= intervalsToEnd * perInterval) {
			return Optional
				.of(moved(withCount(rule, null), seed, alignedSteps(seed, intervals, interval, unit), interval, unit));
		}
		if (intervals * perInterval <= MAX_COUNTED_CANDIDATES) {
			return Optional.of(new Start(rule, seed));
		}
		throw new RefusedEventException("its rule counts its occurrences (COUNT) from too long ago ("
				+ seed.get(ChronoField.YEAR) + ") to be worked out");
	}

	/**
	 * The step of a rule whose occurrences can be stays.
	 * @throws RefusedEventException for a rule repeating within a day
	 */
	static ChronoUnit stayUnit(Recur<Temporal> rule) {
		Frequency frequency = rule.getFrequency();
		switch (frequency) {
			case SECONDLY, MINUTELY,
					HOURLY ->
				throw new RefusedEventException(
						"it repeats every " + frequency.name().toLowerCase(Locale.ROOT).replace("ly", "") + " (FREQ="
								+ frequency + "), and a stay cannot begin more than once a day");
			default -> {
			}
		}
		if (rule.getHourList().size() > 1 || rule.getMinuteList().size() > 1 || rule.getSecondList().size() > 1) {
			throw new RefusedEventException("its rule repeats several times a day (more than one BYHOUR, BYMINUTE or "
					+ "BYSECOND value), and a stay cannot begin more than once a day");
		}
		return switch (frequency) {
			case DAILY -> ChronoUnit.DAYS;
			case WEEKLY -> ChronoUnit.WEEKS;
			case MONTHLY -> ChronoUnit.MONTHS;
			default -> ChronoUnit.YEARS;
		};
	}

	private static void refuseOversizedLists(Recur<Temporal> rule) {
		for (List<?> values : List.of(rule.getDayList(), rule.getMonthDayList(), rule.getYearDayList(),
				rule.getWeekNoList(), rule.getMonthList(), rule.getSetPosList())) {
			if (values.size() > MAX_RULE_VALUES) {
				throw new RefusedEventException("its rule lists more than " + MAX_RULE_VALUES
						+ " values in one part, more than a year has days");
			}
		}
	}

	/**
	 * How many whole intervals the seed can move forward, at most {@code intervals}:
	 * fewer when moving lands on another wall-clock time or UTC offset (a time skipped by
	 * a clock change, the other side of daylight saving time, which decides how an
	 * ambiguous hour resolves) or, for a monthly or yearly rule, another day of the month
	 * (the 31st of a short month, the 29th of February): ical4j takes the day and time
	 * the rule implies from its seed, and moves every start from it. None when no such
	 * start is found.
	 */
	private static long alignedSteps(Temporal seed, long intervals, long interval, ChronoUnit unit) {
		List<ChronoField> kept = unit == ChronoUnit.MONTHS || unit == ChronoUnit.YEARS ? DAY_AND_CLOCK : CLOCK;
		long steps = intervals;
		for (int tries = 0; steps > 0 && tries < MAX_ALIGNMENT_TRIES; tries++, steps--) {
			Temporal moved = seed.plus(steps * interval, unit);
			if (kept.stream().allMatch(field -> !seed.isSupported(field) || seed.get(field) == moved.get(field))) {
				return steps;
			}
		}
		return 0;
	}

	private static Start moved(Recur<Temporal> rule, Temporal seed, long steps, long interval, ChronoUnit unit) {
		return new Start(rule, steps == 0 ? seed : seed.plus(steps * interval, unit));
	}

	/**
	 * Whether each interval holds exactly one occurrence, the seed's day moved on: no BY
	 * part, and a day every month (or year) has.
	 */
	private static boolean oneOccurrencePerInterval(Recur<Temporal> rule, Temporal seed) {
		boolean noParts = rule.getDayList().isEmpty() && rule.getMonthDayList().isEmpty()
				&& rule.getYearDayList().isEmpty() && rule.getWeekNoList().isEmpty() && rule.getMonthList().isEmpty()
				&& rule.getSetPosList().isEmpty() && rule.getHourList().isEmpty() && rule.getMinuteList().isEmpty()
				&& rule.getSecondList().isEmpty();
		if (!noParts) {
			return false;
		}
		return switch (rule.getFrequency()) {
			case DAILY, WEEKLY -> true;
			case MONTHLY -> seed.get(ChronoField.DAY_OF_MONTH) <= 28;
			default -> !(seed.get(ChronoField.MONTH_OF_YEAR) == 2 && seed.get(ChronoField.DAY_OF_MONTH) == 29);
		};
	}

	/**
	 * The most occurrences one interval can hold, a stay beginning at most once a day.
	 */
	private static long mostPerInterval(Frequency frequency) {
		return switch (frequency) {
			case DAILY -> 1;
			case WEEKLY -> 7;
			case MONTHLY -> 31;
			default -> 366;
		};
	}

	private static Recur<Temporal> withCount(Recur<Temporal> rule, Integer count) {
		return new Recur.Builder<>(rule).count(count).build();
	}

	/** What to expand: the rule (its COUNT maybe lowered) from this seed. */
	record Start(Recur<Temporal> rule, Temporal seed) {
	}

}

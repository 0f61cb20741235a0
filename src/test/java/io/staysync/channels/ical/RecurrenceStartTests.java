package io.staysync.channels.ical;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Optional;

import net.fortuna.ical4j.model.Recur;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Expanding a rule from near the synced period must give exactly what ical4j gives when
 * it walks from DTSTART: the same days, the same times, COUNT and UNTIL respected. Each
 * rule here is compared with ical4j's own walk over the same period.
 */
class RecurrenceStartTests {

	static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	static final LocalDate FROM = LocalDate.of(2026, 9, 1);

	static final LocalDate TO = LocalDate.of(2028, 12, 31);

	/**
	 * @param moves whether the rule is expanded from near the period; a counted rule with
	 * BY parts is walked from DTSTART, within a bound
	 */
	@ParameterizedTest(name = "{0} from {1}")
	@CsvSource(delimiter = '|', textBlock = """
			FREQ=WEEKLY                                        | 1990-01-01 | true
			FREQ=WEEKLY;INTERVAL=3;BYDAY=MO,TH;WKST=SU         | 1990-01-04 | true
			FREQ=MONTHLY                                       | 1990-01-31 | true
			FREQ=MONTHLY;INTERVAL=5                            | 1999-08-31 | true
			FREQ=MONTHLY;BYDAY=-1FR                            | 1995-03-15 | true
			FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1      | 2001-05-10 | true
			FREQ=YEARLY                                        | 1992-02-29 | true
			FREQ=YEARLY;INTERVAL=3                             | 1996-02-29 | true
			FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO                   | 1997-05-12 | true
			FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU                   | 1980-03-30 | true
			FREQ=DAILY;INTERVAL=10                             | 1980-06-01 | true
			FREQ=DAILY;BYMONTH=7;BYDAY=SA                      | 2000-07-01 | true
			FREQ=DAILY;UNTIL=20270301                          | 1990-01-01 | true
			FREQ=WEEKLY;COUNT=1900                             | 1990-01-01 | true
			FREQ=DAILY;COUNT=14000                             | 1990-01-01 | true
			FREQ=MONTHLY;INTERVAL=2;COUNT=250                  | 1990-01-28 | true
			FREQ=MONTHLY;COUNT=500;BYMONTHDAY=15,-1            | 1990-01-15 | false
			FREQ=WEEKLY;BYDAY=MO;COUNT=100000                  | 1990-01-01 | true
			FREQ=WEEKLY;COUNT=10                               | 1990-01-01 | true
			FREQ=WEEKLY                                        | 2027-06-01 | false
			""")
	void givesWhatWalkingFromDtstartGives(String rule, LocalDate start, boolean moves) {
		for (Temporal seed : List.of(start, start.atTime(15, 30), start.atTime(2, 30).atZone(PARIS))) {
			Recur<Temporal> recur = new Recur<>(rule);
			Temporal lower = PropertyTime.sameKind(seed, FROM);
			Temporal upper = PropertyTime.sameKind(seed, TO);

			List<Temporal> walked = recur.getDates(seed, lower, upper, -1);
			Optional<RecurrenceStart.Start> near = RecurrenceStart.of(recur, seed, lower, upper);
			List<Temporal> expanded = near.map(s -> s.rule().getDates(s.seed(), lower, upper, -1)).orElse(List.of());

			assertThat(expanded).as("%s from %s", rule, seed).isEqualTo(walked);
			if (moves) {
				near.ifPresent(s -> assertThat(local(s.seed())).as("starts near the period, not at %s", seed)
					.isAfter(local(lower).minusYears(13)));
			}
			else {
				assertThat(near).get().extracting(RecurrenceStart.Start::seed).isEqualTo(seed);
			}
		}
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			FREQ=DAILY;BYDAY=MO;COUNT=30000                    | 1800-01-06
			FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=1,2;COUNT=500     | 1700-01-01
			""")
	void aCountedRuleWithPartsFromCenturiesAgoIsRefusedRatherThanWalked(String rule, LocalDate start) {
		Recur<Temporal> recur = new Recur<>(rule);

		assertThatExceptionOfType(RefusedEventException.class)
			.isThrownBy(() -> RecurrenceStart.of(recur, start, FROM, TO))
			.withMessageContaining("counts its occurrences (COUNT) from too long ago (" + start.getYear() + ")");
	}

	private static LocalDateTime local(Temporal value) {
		return value instanceof ZonedDateTime zoned ? zoned.toLocalDateTime()
				: value instanceof LocalDate date ? date.atStartOfDay() : (LocalDateTime) value;
	}

}

package io.staysync.channels.ical;

import java.io.FilterReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Set;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.CalendarParserFactory;
import net.fortuna.ical4j.data.ContentHandlerContext;
import net.fortuna.ical4j.data.DefaultComponentFactorySupplier;
import net.fortuna.ical4j.data.DefaultParameterFactorySupplier;
import net.fortuna.ical4j.data.DefaultPropertyFactorySupplier;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ComponentFactory;
import net.fortuna.ical4j.model.ParameterFactory;
import net.fortuna.ical4j.model.PropertyFactory;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.util.CompatibilityHints;

import io.staysync.common.TimeLimit;

/**
 * ical4j set up for what channels really serve: LF line endings, folds without the
 * leading space, unknown properties and parameters, Outlook's and Notes' quirks. The
 * hints are JVM-wide in ical4j, so they are set once here, before the first calendar is
 * read.
 * <p>
 * A {@link CalendarBuilder} keeps state from the calendar it built (its time-zone
 * registry), so each feed gets a new one. The factories that turn names into properties
 * are stateless and shared: ical4j's default context creates all of them anew for every
 * property it reads, which made a 5 MB feed take seconds longer than it needs.
 */
final class RelaxedCalendarBuilder {

	static {
		CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_RELAXED_UNFOLDING, true);
		CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_RELAXED_PARSING, true);
		CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_RELAXED_VALIDATION, true);
		CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_OUTLOOK_COMPATIBILITY, true);
		CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_NOTES_COMPATIBILITY, true);
	}

	private static final List<PropertyFactory<?>> PROPERTIES = List.copyOf(new DefaultPropertyFactorySupplier().get());

	private static final List<ParameterFactory<?>> PARAMETERS = List
		.copyOf(new DefaultParameterFactorySupplier().get());

	private static final List<ComponentFactory<?>> COMPONENTS = List
		.copyOf(new DefaultComponentFactorySupplier().get());

	private static final ContentHandlerContext SHARED_FACTORIES = new ContentHandlerContext()
		.withPropertyFactorySupplier(() -> PROPERTIES)
		.withParameterFactorySupplier(() -> PARAMETERS)
		.withComponentFactorySupplier(() -> COMPONENTS);

	private RelaxedCalendarBuilder() {
	}

	/**
	 * Reads a calendar whose every TZID can be resolved (see {@link UnknownTimeZones}).
	 * The time limit is checked whenever ical4j asks for more text, so a read that costs
	 * too much stops in the middle: ical4j then throws a {@link ParserException} whose
	 * cause is the {@link io.staysync.common.TimeLimit.TimeLimitExceeded}.
	 */
	static Calendar build(String calendar, TimeLimit limit) throws IOException, ParserException {
		CalendarBuilder builder = newBuilder();
		Calendar built = builder.build(new LimitedReader(calendar, limit));
		Set<String> unknown = UnknownTimeZones.in(built, builder.getRegistry(), limit);
		if (unknown.isEmpty()) {
			return built;
		}
		return newBuilder().build(new LimitedReader(UnknownTimeZones.replaced(calendar, unknown), limit));
	}

	private static CalendarBuilder newBuilder() {
		return new CalendarBuilder(CalendarParserFactory.getInstance().get(), SHARED_FACTORIES,
				TimeZoneRegistryFactory.getInstance().createRegistry());
	}

	/**
	 * A calendar's text that stops being read once the time limit passes. ical4j reads
	 * one character at a time, so the clock is looked at every few thousand.
	 */
	private static final class LimitedReader extends FilterReader {

		private static final int CHECK_EVERY = 4096;

		private final TimeLimit limit;

		private int untilCheck = CHECK_EVERY;

		LimitedReader(String text, TimeLimit limit) {
			super(new StringReader(text));
			this.limit = limit;
		}

		@Override
		public int read() throws IOException {
			if (--untilCheck <= 0) {
				untilCheck = CHECK_EVERY;
				limit.check();
			}
			return super.read();
		}

		@Override
		public int read(char[] buffer, int offset, int length) throws IOException {
			limit.check();
			return super.read(buffer, offset, length);
		}

	}

}

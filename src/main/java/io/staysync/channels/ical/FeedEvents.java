package io.staysync.channels.ical;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import net.fortuna.ical4j.model.component.VEvent;

import io.staysync.common.TimeLimit.TimeLimitExceeded;

/**
 * Turns a calendar's VEVENTs into the feed's stays and blocks. One UID is one booking:
 * when a feed repeats a UID, the last event wins, being the likelier to be the newer. A
 * recurring event becomes one event per occurrence, identified by
 * {@code <UID>/<check-in day>}; an event with the same UID and a RECURRENCE-ID replaces
 * the occurrence of that day and keeps its identity when it moves. Stays that ended
 * before the horizon are dropped; the result is ordered by check-in. Two occurrences on
 * one day are one stay: the first.
 * <p>
 * What a stranger's feed can make of this is bounded: an event Staysync does not read as
 * stays (see {@link Occurrences}) is left out and named, with its RECURRENCE-ID
 * replacements; more stays than {@link ParseOptions#maxEvents()} refuse the whole feed;
 * and the time limit is checked at every event.
 */
final class FeedEvents {

	private static final Comparator<FeedEvent> BY_STAY = Comparator.comparing(FeedEvent::checkIn)
		.thenComparing(FeedEvent::checkOut)
		.thenComparing(FeedEvent::uid);

	private final ParseOptions options;

	private final PropertyTime time;

	private final Occurrences occurrences;

	FeedEvents(ParseOptions options) {
		this.options = options;
		this.time = new PropertyTime(options.propertyZone());
		this.occurrences = new Occurrences(time, options.timeLimit());
	}

	/**
	 * @throws UnreadableEventException when an event's dates cannot be understood
	 * @throws FeedOverLimitException when the events make more stays than a feed may have
	 * @throws io.staysync.common.TimeLimit.TimeLimitExceeded when the time limit passes
	 */
	Reading read(List<VEvent> vevents) {
		Map<String, EventFacts> singles = new LinkedHashMap<>();
		Map<String, Map<LocalDate, EventFacts>> replacements = new HashMap<>();
		for (VEvent vevent : vevents) {
			options.timeLimit().check();
			EventFacts event = new EventFacts(vevent);
			if (!event.hasStart()) {
				continue;
			}
			String uid = readable(event::uid);
			Optional<LocalDate> replaced = readable(() -> event.recurrenceDay(time));
			if (replaced.isPresent()) {
				replacements.computeIfAbsent(uid, any -> new HashMap<>()).put(replaced.get(), event);
			}
			else {
				singles.remove(uid);
				singles.put(uid, event);
			}
		}
		if (singles.isEmpty() && replacements.isEmpty()) {
			throw new UnreadableEventException("none of its " + vevents.size() + " events has a start date (DTSTART)");
		}
		List<FeedEvent> events = new ArrayList<>();
		List<String> refused = new ArrayList<>();
		for (Map.Entry<String, EventFacts> single : singles.entrySet()) {
			options.timeLimit().check();
			String uid = single.getKey();
			try {
				events.addAll(readable(() -> eventsOf(uid, single.getValue(), replacements.get(uid))));
			}
			catch (RefusedEventException notStays) {
				refused.add(FeedProblems.refusedEvent(uid, notStays.getMessage()));
				replacements.remove(uid);
			}
			requireWithinLimit(events);
		}
		replacements.forEach((uid, byDay) -> byDay.forEach(
				(day, event) -> occurrence(uid, day, event, readable(() -> event.stay(time))).ifPresent(events::add)));
		requireWithinLimit(events);
		events.sort(BY_STAY);
		return new Reading(events, refused);
	}

	private void requireWithinLimit(List<FeedEvent> events) {
		if (events.size() > options.maxEvents()) {
			throw new FeedOverLimitException(FeedProblems.tooManyStays(options.maxEvents()));
		}
	}

	private List<FeedEvent> eventsOf(String uid, EventFacts event, Map<LocalDate, EventFacts> replacements) {
		Stay stay = event.stay(time);
		if (!event.recurs()) {
			return stay.checkOut().isBefore(options.horizonStart()) ? List.of() : List.of(feedEvent(uid, event, stay));
		}
		long nights = ChronoUnit.DAYS.between(stay.checkIn(), stay.checkOut());
		Map<LocalDate, LocalDateTime> startByDay = new LinkedHashMap<>();
		occurrences.starts(event.vevent(), event.start(), nights, options.horizonStart(), options.horizonEnd())
			.forEach(start -> startByDay.putIfAbsent(start.toLocalDate(), start));
		List<FeedEvent> events = new ArrayList<>();
		for (Map.Entry<LocalDate, LocalDateTime> occurrenceStart : startByDay.entrySet()) {
			LocalDate day = occurrenceStart.getKey();
			LocalDateTime start = occurrenceStart.getValue();
			EventFacts replacement = replacements == null ? null : replacements.remove(day);
			Optional<FeedEvent> occurrence = replacement == null ? occurrence(uid, day, event, stay.movedTo(start))
					: occurrence(uid, day, replacement, replacement.stay(time));
			occurrence.ifPresent(events::add);
		}
		return events;
	}

	private Optional<FeedEvent> occurrence(String uid, LocalDate day, EventFacts event, Stay stay) {
		boolean inHorizon = !stay.checkOut().isBefore(options.horizonStart())
				&& stay.checkIn().isBefore(options.horizonEnd());
		return inHorizon ? Optional.of(feedEvent(uid + "/" + day, event, stay)) : Optional.empty();
	}

	private FeedEvent feedEvent(String uid, EventFacts event, Stay stay) {
		String code = event.confirmationCode();
		return new FeedEvent(uid, event.kind(options.closedAsReservation(), code), event.cancelled(), stay.checkIn(),
				stay.checkOut(), event.title(), code);
	}

	private static <T> T readable(Supplier<T> reading) {
		try {
			return reading.get();
		}
		catch (UnreadableEventException | RefusedEventException | TimeLimitExceeded notForUs) {
			throw notForUs;
		}
		catch (RuntimeException unreadable) {
			throw new UnreadableEventException("one of its events has a date or a rule that cannot be understood");
		}
	}

	/**
	 * The feed's stays and blocks, and the events left out, each said in a sentence.
	 */
	record Reading(List<FeedEvent> events, List<String> refused) {
	}

}

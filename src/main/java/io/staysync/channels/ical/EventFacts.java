package io.staysync.channels.ical;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.time.temporal.TemporalAmount;
import java.util.HexFormat;
import java.util.Optional;

import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DateProperty;
import net.fortuna.ical4j.model.property.Duration;

/**
 * What Staysync reads from one VEVENT, whatever ical4j makes optional or lazy: UID,
 * dates, title and what the title, STATUS and DESCRIPTION say about the stay.
 */
final class EventFacts {

	private final VEvent event;

	EventFacts(VEvent event) {
		this.event = event;
	}

	VEvent vevent() {
		return event;
	}

	boolean recurs() {
		return Occurrences.recurs(event);
	}

	boolean hasStart() {
		return event.getProperty(Property.DTSTART).isPresent();
	}

	/**
	 * The event's UID, or a synthetic one for an event without (some home-made feeds): a
	 * hash of its DTSTART, DTEND or DURATION and SUMMARY. It stays the same from fetch to
	 * fetch while the event does, but moving or renaming the event gives it a new one, so
	 * such a change looks like a cancellation and a new booking.
	 */
	String uid() {
		return event.getUid()
			.map(Property::getValue)
			.map(String::strip)
			.filter(uid -> !uid.isEmpty())
			.orElseGet(this::syntheticUid);
	}

	Temporal start() {
		return date(Property.DTSTART).orElseThrow();
	}

	Stay stay(PropertyTime time) {
		Temporal end = date(Property.DTEND).orElse(null);
		TemporalAmount duration = event.<Duration>getProperty(Property.DURATION)
			.map(Duration::getDuration)
			.orElse(null);
		return time.stay(start(), end, duration);
	}

	/**
	 * The property's date of RECURRENCE-ID, when this event replaces one occurrence of a
	 * recurring one.
	 */
	Optional<LocalDate> recurrenceDay(PropertyTime time) {
		return date(Property.RECURRENCE_ID).map(recurrenceId -> time.local(recurrenceId).toLocalDate());
	}

	String title() {
		return text(Property.SUMMARY);
	}

	boolean cancelled() {
		return "CANCELLED".equalsIgnoreCase(text(Property.STATUS));
	}

	FeedEventKind kind(boolean closedAsReservation, String confirmationCode) {
		if ("TENTATIVE".equalsIgnoreCase(text(Property.STATUS))) {
			return FeedEventKind.TENTATIVE;
		}
		return EventTitles.kind(title(), closedAsReservation, confirmationCode != null);
	}

	String confirmationCode() {
		return ConfirmationCodes.find(text(Property.DESCRIPTION), text(Property.URL), title());
	}

	private Optional<Temporal> date(String name) {
		return event.<DateProperty<Temporal>>getProperty(name).map(DateProperty::getDate);
	}

	private String text(String name) {
		return event.getProperty(name)
			.map(Property::getValue)
			.map(String::strip)
			.filter(v -> !v.isEmpty())
			.orElse(null);
	}

	private String syntheticUid() {
		String key = raw(Property.DTSTART) + "|" + raw(Property.DTEND) + raw(Property.DURATION) + "|"
				+ raw(Property.SUMMARY);
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
			return "synthetic-" + HexFormat.of().formatHex(hash, 0, 16);
		}
		catch (NoSuchAlgorithmException everyJvmHasIt) {
			throw new IllegalStateException(everyJvmHasIt);
		}
	}

	private String raw(String name) {
		return event.getProperty(name).map(Property::toString).map(String::strip).orElse("");
	}

}

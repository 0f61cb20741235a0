package io.staysync.bookings.internal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;

import io.staysync.bookings.BookingKind;
import io.staysync.bookings.BookingSource;
import io.staysync.bookings.BookingStatus;
import io.staysync.properties.PropertyRef;

/**
 * The nights of one property in a range, each free, booked, tentative, blocked or in
 * conflict. A night is in conflict when two confirmed bookings that hold nights
 * exclusively (reservations, manual blocks) cover it. A tentative booking (painted only
 * while tentative bookings hold nights) never makes a conflict: it shows where no
 * confirmed booking is. A block imported from a channel only shows where nothing else is.
 */
public final class NightGrid {

	private final PropertyRef property;

	private final LocalDate from;

	private final Holder[] exclusive;

	private final Holder[] tentative;

	private final Holder[] channelBlock;

	private final Map<Integer, Set<UUID>> clashes = new HashMap<>();

	NightGrid(PropertyRef property, LocalDate from, LocalDate to) {
		this.property = property;
		this.from = from;
		int nights = (int) ChronoUnit.DAYS.between(from, to);
		this.exclusive = new Holder[nights];
		this.tentative = new Holder[nights];
		this.channelBlock = new Holder[nights];
	}

	/** Paints a booking that holds nights; a cancelled one holds none. */
	void paint(UUID id, BookingKind kind, BookingSource source, BookingStatus status, LocalDate checkIn,
			LocalDate checkOut) {
		if (status == BookingStatus.CANCELLED) {
			return;
		}
		Holder holder = new Holder(id, kind, source);
		boolean holdsExclusively = kind == BookingKind.RESERVATION || source == BookingSource.MANUAL;
		int first = (int) Math.max(0, ChronoUnit.DAYS.between(from, checkIn));
		int last = (int) Math.min(exclusive.length, ChronoUnit.DAYS.between(from, checkOut));
		for (int night = first; night < last; night++) {
			if (status == BookingStatus.TENTATIVE) {
				if (tentative[night] == null) {
					tentative[night] = holder;
				}
			}
			else if (!holdsExclusively) {
				if (channelBlock[night] == null) {
					channelBlock[night] = holder;
				}
			}
			else if (exclusive[night] == null) {
				exclusive[night] = holder;
			}
			else {
				Set<UUID> ids = clashes.computeIfAbsent(night, n -> new LinkedHashSet<>());
				ids.add(exclusive[night].id());
				ids.add(id);
			}
		}
	}

	public PropertyRef property() {
		return property;
	}

	public List<Night> nights() {
		List<Night> nights = new ArrayList<>(exclusive.length);
		for (int night = 0; night < exclusive.length; night++) {
			nights.add(night(night));
		}
		return nights;
	}

	private Night night(int index) {
		LocalDate date = from.plusDays(index);
		Set<UUID> clash = clashes.get(index);
		if (clash != null) {
			return new Night(date, NightState.CONFLICT, null, null, List.copyOf(clash));
		}
		if (exclusive[index] == null && tentative[index] != null) {
			Holder holder = tentative[index];
			return new Night(date, NightState.TENTATIVE, holder.id(), holder.source(), null);
		}
		Holder holder = exclusive[index] != null ? exclusive[index] : channelBlock[index];
		if (holder == null) {
			return new Night(date, NightState.FREE, null, null, null);
		}
		NightState state = holder.kind() == BookingKind.RESERVATION ? NightState.BOOKED : NightState.BLOCKED;
		return new Night(date, state, holder.id(), holder.source(), null);
	}

	/**
	 * What a night is: {@code TENTATIVE} is held by a channel's request not yet accepted
	 * (taken, like {@code BOOKED}, until the channel declines it).
	 */
	public enum NightState {

		FREE, BOOKED, TENTATIVE, BLOCKED, CONFLICT;

		@JsonValue
		String json() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

	/** One night; {@code bookingIds} only for conflicts. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Night(LocalDate date, NightState state, UUID bookingId, BookingSource source, List<UUID> bookingIds) {
	}

	private record Holder(UUID id, BookingKind kind, BookingSource source) {
	}

}

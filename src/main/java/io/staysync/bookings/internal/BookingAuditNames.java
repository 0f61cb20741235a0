package io.staysync.bookings.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.staysync.audit.AuditTargetNames;
import io.staysync.properties.PropertyCatalog;

/**
 * Names the audit log's properties and bookings: a property by its name, a booking by its
 * code, guest and dates. Properties are named here because every module that records them
 * may read the catalogue, and the audit module may not.
 */
@Component
class BookingAuditNames implements AuditTargetNames {

	private static final String PROPERTY = "property:";

	private static final String BOOKING = "booking:";

	private final BookingRepository bookings;

	private final PropertyCatalog properties;

	BookingAuditNames(BookingRepository bookings, PropertyCatalog properties) {
		this.bookings = bookings;
		this.properties = properties;
	}

	@Override
	@Transactional(readOnly = true)
	public Map<String, String> namesOf(Collection<String> targets) {
		Map<String, String> names = new HashMap<>();
		List<UUID> propertyIds = ids(targets, PROPERTY);
		if (!propertyIds.isEmpty()) {
			properties.findAll(propertyIds).forEach(p -> names.put(PROPERTY + p.id(), p.name()));
		}
		List<UUID> bookingIds = ids(targets, BOOKING);
		if (!bookingIds.isEmpty()) {
			bookings.findAllById(bookingIds).forEach(b -> names.put(BOOKING + b.id(), describe(b)));
		}
		return names;
	}

	private static String describe(Booking booking) {
		String who = booking.guestName() != null ? booking.guestName()
				: booking.kind().name().equals("BLOCK") ? "block" : "reservation";
		return booking.code() + " · " + who + " · " + booking.checkIn() + " → " + booking.checkOut();
	}

	private static List<UUID> ids(Collection<String> targets, String prefix) {
		return targets.stream()
			.filter(target -> target.startsWith(prefix))
			.map(target -> uuid(target.substring(prefix.length())))
			.flatMap(Optional::stream)
			.toList();
	}

	private static Optional<UUID> uuid(String text) {
		try {
			return Optional.of(UUID.fromString(text));
		}
		catch (IllegalArgumentException notAnId) {
			return Optional.empty();
		}
	}

}

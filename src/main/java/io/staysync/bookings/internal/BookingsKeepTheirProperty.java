package io.staysync.bookings.internal;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.staysync.properties.PropertyDeletionGuard;

/**
 * A property with bookings is not deleted: bookings are the history of what was sold, and
 * channels still refer to them.
 */
@Component
class BookingsKeepTheirProperty implements PropertyDeletionGuard {

	private final BookingRepository bookings;

	BookingsKeepTheirProperty(BookingRepository bookings) {
		this.bookings = bookings;
	}

	@Override
	public Optional<String> reasonToKeep(UUID propertyId) {
		long count = bookings.countByPropertyId(propertyId);
		return count == 0 ? Optional.empty()
				: Optional.of("The property has " + count + (count == 1 ? " booking" : " bookings")
						+ " (cancelled ones included) and is kept as their history; it cannot be deleted.");
	}

}

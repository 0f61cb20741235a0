package io.staysync.bookings.internal;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.staysync.bookings.ChannelBooking;
import io.staysync.bookings.ExportedStay;
import io.staysync.bookings.KeyScope;

/**
 * Recognises a feed event that is one of this instance's own bookings coming back: an
 * export feed of a property read in again through an iCal mapping of that same property
 * (directly, or by way of another property's export that carried it as a block). Stored,
 * it would be the stay twice on one calendar, and exported again under a new UID it would
 * come back once more at every sync. An own booking exported to another property is kept:
 * linking two properties' calendars through their feeds is a legitimate set-up.
 */
@Component
class ExportEchoes {

	/** How many export hops are followed back to a booking's origin. */
	private static final int MAX_HOPS = 8;

	private final BookingRepository bookings;

	ExportEchoes(BookingRepository bookings) {
		this.bookings = bookings;
	}

	/**
	 * Whether the record is an iCal event whose UID names one of this instance's bookings
	 * (following imported copies back to the booking they were exported from) on the
	 * record's own property.
	 */
	boolean isEcho(ChannelBooking record) {
		if (record.keyScope() != KeyScope.LISTING) {
			return false;
		}
		Optional<Booking> origin = own(record.externalId());
		for (int hop = 0; hop < MAX_HOPS && origin.isPresent(); hop++) {
			if (origin.get().propertyId().equals(record.propertyId())) {
				return true;
			}
			origin = own(origin.get().externalId());
		}
		return false;
	}

	private Optional<Booking> own(String uid) {
		Optional<UUID> id = ExportedStay.bookingIdOf(uid);
		return id.isEmpty() ? Optional.empty() : bookings.findById(id.get());
	}

}

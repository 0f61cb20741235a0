package io.staysync.bookings;

import java.util.UUID;

/**
 * Two confirmed bookings of one property claim the same night: a double booking to
 * resolve.
 */
public record ConflictDetected(UUID conflictId, UUID propertyId, UUID bookingId, UUID otherBookingId) {
}

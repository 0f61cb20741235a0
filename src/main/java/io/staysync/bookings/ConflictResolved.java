package io.staysync.bookings;

import java.util.UUID;

/** A conflict ended because one side was cancelled or moved. */
public record ConflictResolved(UUID conflictId, UUID propertyId) {
}

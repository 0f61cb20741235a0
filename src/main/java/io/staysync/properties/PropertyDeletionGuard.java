package io.staysync.properties;

import java.util.Optional;
import java.util.UUID;

/**
 * Implemented by modules that hold records of a property (bookings, listing mappings) and
 * must keep it from being deleted under them.
 */
public interface PropertyDeletionGuard {

	/**
	 * @return why the property must not be deleted, in words for its manager, or empty
	 */
	Optional<String> reasonToKeep(UUID propertyId);

}

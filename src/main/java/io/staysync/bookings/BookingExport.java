package io.staysync.bookings;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What a property's export feed publishes, and what an availability push closes. */
public interface BookingExport {

	/**
	 * The confirmed bookings of a property that hold nights from {@code from} up to (not
	 * including) {@code to}, except those imported through {@code excludedIntegrationId}:
	 * a channel must never see its own bookings come back as blocks (they would echo
	 * forever).
	 */
	List<ExportedStay> stays(UUID propertyId, UUID excludedIntegrationId, LocalDate from, LocalDate to);

	/**
	 * Every confirmed booking and block of a property that holds nights from {@code from}
	 * up to (not including) {@code to}, whatever its source: what an availability push
	 * must close.
	 */
	List<ExportedStay> stays(UUID propertyId, LocalDate from, LocalDate to);

}

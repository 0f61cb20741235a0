package io.staysync.bookings;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What a property's export feed publishes, and what an availability push closes: the
 * bookings that hold nights. Those are the confirmed ones, and the tentative ones while
 * {@code staysync.bookings.hold-tentative} is on (the default).
 */
public interface BookingExport {

	/**
	 * The bookings of a property that hold nights from {@code from} up to (not including)
	 * {@code to}, except those imported through {@code excludedIntegrationId}: a channel
	 * must never see its own bookings come back as blocks (they would echo forever).
	 */
	List<ExportedStay> stays(UUID propertyId, UUID excludedIntegrationId, LocalDate from, LocalDate to);

	/**
	 * Every booking and block of a property that holds nights from {@code from} up to
	 * (not including) {@code to}, whatever its source: what an availability push must
	 * close.
	 */
	List<ExportedStay> stays(UUID propertyId, LocalDate from, LocalDate to);

}

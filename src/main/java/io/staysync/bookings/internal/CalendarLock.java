package io.staysync.bookings.internal;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Serialises writes to one property's calendar until the transaction ends. Without it,
 * two transactions booking the same nights concurrently could each miss the other's
 * uncommitted row, and neither would see the double booking.
 */
@Component
class CalendarLock {

	private final JdbcClient jdbc;

	CalendarLock(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Must be called inside a transaction. */
	void lock(UUID propertyId) {
		jdbc.sql("insert into booking_calendars (property_id) values (:p) on conflict do nothing")
			.param("p", propertyId)
			.update();
		jdbc.sql("select property_id from booking_calendars where property_id = :p for update")
			.param("p", propertyId)
			.query(UUID.class)
			.single();
	}

}

package io.staysync.bookings.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.staysync.bookings.BookingExport;
import io.staysync.bookings.BookingKind;
import io.staysync.bookings.BookingSource;
import io.staysync.bookings.ExportedStay;

/**
 * Reads the bookings that hold nights: confirmed ones, and tentative ones while
 * {@code staysync.bookings.hold-tentative} is on. Both an export feed and an availability
 * push read here, so a tentative booking closes its nights on every channel or on none.
 */
@Service
class JdbcBookingExport implements BookingExport {

	private final JdbcClient jdbc;

	private final BookingSettings settings;

	JdbcBookingExport(JdbcClient jdbc, BookingSettings settings) {
		this.jdbc = jdbc;
		this.settings = settings;
	}

	@Override
	@Transactional(readOnly = true)
	public List<ExportedStay> stays(UUID propertyId, UUID excludedIntegrationId, LocalDate from, LocalDate to) {
		return jdbc.sql("""
				select id, kind, source, check_in, check_out from bookings
				where property_id = :property and status in (:holding) and check_in < :to and check_out > :from
				  and (integration_id is null or integration_id <> :excluded)
				order by check_in, id""")
			.param("property", propertyId)
			.param("holding", settings.holdingStatuses())
			.param("excluded", excludedIntegrationId)
			.param("from", from)
			.param("to", to)
			.query(JdbcBookingExport::stay)
			.list();
	}

	@Override
	@Transactional(readOnly = true)
	public List<ExportedStay> stays(UUID propertyId, LocalDate from, LocalDate to) {
		return jdbc.sql("""
				select id, kind, source, check_in, check_out from bookings
				where property_id = :property and status in (:holding) and check_in < :to and check_out > :from
				order by check_in, id""")
			.param("property", propertyId)
			.param("holding", settings.holdingStatuses())
			.param("from", from)
			.param("to", to)
			.query(JdbcBookingExport::stay)
			.list();
	}

	private static ExportedStay stay(ResultSet row, int n) throws SQLException {
		return new ExportedStay(row.getObject("id", UUID.class), BookingKind.valueOf(row.getString("kind")),
				BookingSource.valueOf(row.getString("source")), row.getObject("check_in", LocalDate.class),
				row.getObject("check_out", LocalDate.class));
	}

}

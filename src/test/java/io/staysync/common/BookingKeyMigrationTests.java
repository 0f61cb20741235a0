package io.staysync.common;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * V18 on a database that has bookings already: every row is kept and keyed (iCal bookings
 * by their listing, API reservations channel-wide, manual ones not at all), feed-miss
 * counts follow their bookings, and the new key then lets two listings carry one UID
 * while still refusing a reservation id twice. Run on the embedded database here and on
 * PostgreSQL by {@link BookingKeyMigrationOnPostgresIntegrationTests}.
 */
class BookingKeyMigrationTests {

	static final MigrationVersion KEYED_PER_LISTING = MigrationVersion.fromVersion("18");

	final UUID property = UUID.randomUUID();

	final UUID icalIntegration = UUID.randomUUID();

	final UUID apiIntegration = UUID.randomUUID();

	final UUID icalBooking = UUID.randomUUID();

	final UUID apiBooking = UUID.randomUUID();

	final UUID manualBooking = UUID.randomUUID();

	/**
	 * One connection kept open, as the application's pool keeps them: H2 evaluates a
	 * check constraint with the session that created it.
	 */
	protected DataSource database() {
		return new SingleConnectionDataSource(
				"jdbc:h2:mem:migration-" + UUID.randomUUID()
						+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
				"sa", "", true);
	}

	@Test
	void existingBookingsAreKeptAndKeyedByListingForFeedsAndChannelWideForApis() {
		DataSource database = database();
		JdbcClient jdbc = JdbcClient.create(database);
		migrate(database, beforeKeyedPerListing(database));
		insertExistingRows(jdbc);

		migrate(database, null);

		assertThat(jdbc.sql("select id, external_scope from bookings order by external_id")
			.query((row, n) -> row.getString("id") + "=" + row.getString("external_scope"))
			.list()).containsExactlyInAnyOrder(icalBooking + "=cottage", apiBooking + "=", manualBooking + "=null");
		assertThat(jdbc.sql("select booking_id, misses from booking_misses")
			.query((row, n) -> row.getString("booking_id") + "=" + row.getInt("misses"))
			.list()).as("a count of a key without a booking is dropped").containsExactly(icalBooking + "=1");

		// another listing of the iCal integration may carry the same UID now
		insertKeyedBooking(jdbc, icalIntegration, "1@host", "loft", "loft");
		assertThat(jdbc.sql("select count(*) from bookings where external_id = '1@host'").query(Long.class).single())
			.isEqualTo(2);
		// a reservation id is still the channel's, whatever room it is in
		assertThatThrownBy(() -> insertKeyedBooking(jdbc, apiIntegration, "4711-1", "room-b", ""))
			.isInstanceOf(DataIntegrityViolationException.class);
		// and a channel booking without a scope would escape the key: refused
		assertThatThrownBy(() -> insertKeyedBooking(jdbc, apiIntegration, "4712-1", "room-b", null))
			.isInstanceOf(DataIntegrityViolationException.class);
	}

	/** The newest version before V18, whichever migrations precede it. */
	private MigrationVersion beforeKeyedPerListing(DataSource database) {
		return List.of(configure(database).load().info().all())
			.stream()
			.map(MigrationInfo::getVersion)
			.filter(version -> version != null && version.compareTo(KEYED_PER_LISTING) < 0)
			.max(MigrationVersion::compareTo)
			.orElseThrow();
	}

	private void migrate(DataSource database, MigrationVersion target) {
		var configuration = configure(database);
		if (target != null) {
			configuration.target(target);
		}
		configuration.load().migrate();
	}

	protected FluentConfiguration configure(DataSource database) {
		return Flyway.configure().dataSource(database).locations("classpath:db/migration");
	}

	private void insertExistingRows(JdbcClient jdbc) {
		Timestamp now = Timestamp.from(Instant.parse("2026-11-20T10:00:00Z"));
		jdbc.sql("""
				insert into properties (id, name, time_zone, check_in_time, check_out_time, max_guests, created_at,
				    updated_at, version)
				values (:id, 'Cottage', 'Europe/Lisbon', '15:00', '11:00', 4, :now, :now, 0)""")
			.param("id", property)
			.param("now", now)
			.update();
		insertIntegration(jdbc, icalIntegration, "ical", "ical", now);
		insertIntegration(jdbc, apiIntegration, "booking_com", "api", now);
		insertBooking(jdbc, icalBooking, icalIntegration, "1@host", "cottage");
		insertBooking(jdbc, apiBooking, apiIntegration, "4711-1", "room-a");
		insertBooking(jdbc, manualBooking, null, null, null);
		for (String[] miss : new String[][] { { icalIntegration.toString(), "1@host" },
				{ icalIntegration.toString(), "gone-long-ago@host" } }) {
			jdbc.sql("""
					insert into missing_bookings (integration_id, external_id, misses, first_missed_at)
					values (cast(:i as uuid), :e, 1, :now)""")
				.param("i", miss[0])
				.param("e", miss[1])
				.param("now", now)
				.update();
		}
	}

	private static void insertIntegration(JdbcClient jdbc, UUID id, String type, String mode, Timestamp now) {
		jdbc.sql("""
				insert into integrations (id, type, status, mode, active, sync_interval_minutes, created_at,
				    updated_at, version)
				values (:id, :type, 'configured', :mode, true, 15, :now, :now, 0)""")
			.param("id", id)
			.param("type", type)
			.param("mode", mode)
			.param("now", now)
			.update();
	}

	/** A booking row as V18 keys it, with its scope. */
	private void insertKeyedBooking(JdbcClient jdbc, UUID integration, String externalId, String listing,
			String scope) {
		jdbc.sql("""
				insert into bookings (id, property_id, kind, status, check_in, check_out, source, integration_id,
				    external_id, external_listing_id, created_at, updated_at, version, external_scope)
				values (:id, :property, 'RESERVATION', 'CONFIRMED', :checkIn, :checkOut, :source, :integration,
				    :externalId, :listing, :now, :now, 0, :scope)""")
			.params(bookingRow(UUID.randomUUID(), integration, externalId, listing))
			.param("scope", scope)
			.update();
	}

	/** A booking row as it was before V18. */
	private void insertBooking(JdbcClient jdbc, UUID id, UUID integration, String externalId, String listing) {
		jdbc.sql("""
				insert into bookings (id, property_id, kind, status, check_in, check_out, source, integration_id,
				    external_id, external_listing_id, created_at, updated_at, version)
				values (:id, :property, 'RESERVATION', 'CONFIRMED', :checkIn, :checkOut, :source, :integration,
				    :externalId, :listing, :now, :now, 0)""")
			.params(bookingRow(id, integration, externalId, listing))
			.update();
	}

	private java.util.Map<String, Object> bookingRow(UUID id, UUID integration, String externalId, String listing) {
		java.util.Map<String, Object> row = new java.util.HashMap<>();
		row.put("id", id);
		row.put("property", property);
		row.put("checkIn", LocalDate.of(2027, 1, 5));
		row.put("checkOut", LocalDate.of(2027, 1, 9));
		row.put("source", integration == null ? "MANUAL" : "ICAL");
		row.put("integration", integration);
		row.put("externalId", externalId);
		row.put("listing", listing);
		row.put("now", Timestamp.from(Instant.parse("2026-11-20T10:00:00Z")));
		return row;
	}

}

package io.staysync.test;

import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A property written straight into its table, for module tests that boot a module without
 * the properties module's API at hand (and without its HTTP stack).
 */
public final class TestProperties {

	private TestProperties() {
	}

	/**
	 * Inserts a property of four guests, 15:00 to 11:00, in the given zone, and returns
	 * its id.
	 */
	public static UUID insert(JdbcClient jdbc, String name, String timeZone) {
		UUID id = UUID.randomUUID();
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		jdbc.sql("""
				insert into properties (id, name, time_zone, check_in_time, check_out_time, max_guests, created_at,
				                        updated_at, version)
				values (:id, :name, :zone, :in, :out, 4, :now, :now, 0)""")
			.param("id", id)
			.param("name", name + " " + id)
			.param("zone", timeZone)
			.param("in", LocalTime.of(15, 0))
			.param("out", LocalTime.of(11, 0))
			.param("now", now)
			.update();
		return id;
	}

}

package io.staysync.common;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.AfterEach;

import io.staysync.test.OnPostgres;
import io.staysync.test.PostgresTestDatabase;

/**
 * {@link BookingKeyMigrationTests} on PostgreSQL, in a schema of its own dropped
 * afterwards.
 */
@OnPostgres
class BookingKeyMigrationOnPostgresIntegrationTests extends BookingKeyMigrationTests {

	final String schema = "staysync_mig_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

	@Override
	protected DataSource database() {
		execute("create schema " + schema);
		return PostgresTestDatabase.dataSource(schema);
	}

	@Override
	protected FluentConfiguration configure(DataSource database) {
		return super.configure(database).schemas(schema);
	}

	@AfterEach
	void dropSchema() {
		execute("drop schema if exists " + schema + " cascade");
	}

	private static void execute(String sql) {
		try (Connection connection = PostgresTestDatabase.connect()) {
			connection.createStatement().execute(sql);
		}
		catch (SQLException exception) {
			throw new IllegalStateException("Could not run '" + sql + "' on the test PostgreSQL", exception);
		}
	}

}

package io.staysync.test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The PostgreSQL that persistence tests run against: {@code STAYSYNC_TEST_POSTGRES_URL}
 * (default {@code jdbc:postgresql://127.0.0.1:5432/test}), user
 * {@code STAYSYNC_TEST_POSTGRES_USER} (default {@code postgres}), password
 * {@code STAYSYNC_TEST_POSTGRES_PASSWORD} (default none).
 */
public final class PostgresTestDatabase {

	public static final String URL = env("STAYSYNC_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");

	public static final String USER = env("STAYSYNC_TEST_POSTGRES_USER", "postgres");

	public static final String PASSWORD = env("STAYSYNC_TEST_POSTGRES_PASSWORD", "");

	public static final boolean REQUIRED = Boolean.parseBoolean(env("STAYSYNC_REQUIRE_POSTGRES", "false"));

	private static volatile String unavailableBecause;

	private static volatile boolean checked;

	private PostgresTestDatabase() {
	}

	public static Connection connect() throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("user", USER);
		properties.setProperty("password", PASSWORD);
		properties.setProperty("connectTimeout", "3");
		properties.setProperty("socketTimeout", "30");
		return DriverManager.getConnection(URL, properties);
	}

	/**
	 * A data source on the test PostgreSQL whose connections work in {@code schema}, for
	 * tests that drive the database without an application (migration tests).
	 */
	public static DataSource dataSource(String schema) {
		String separator = URL.contains("?") ? "&" : "?";
		return new DriverManagerDataSource(URL + separator + "currentSchema=" + schema, USER, PASSWORD);
	}

	/**
	 * @return why PostgreSQL cannot be used, or {@code null} when it answers
	 */
	public static synchronized String unavailableBecause() {
		if (!checked) {
			checked = true;
			try (Connection connection = connect()) {
				connection.createStatement().execute("select 1");
			}
			catch (SQLException exception) {
				unavailableBecause = "PostgreSQL at " + URL + " did not answer (" + exception.getMessage() + ")";
			}
		}
		return unavailableBecause;
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return value == null || value.isBlank() ? fallback : value;
	}

}

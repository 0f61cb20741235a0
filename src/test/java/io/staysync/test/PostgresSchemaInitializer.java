package io.staysync.test;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives each test application context a fresh PostgreSQL schema, so that test classes
 * never see each other's rows and a run leaves nothing behind.
 */
class PostgresSchemaInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		if (PostgresTestDatabase.unavailableBecause() != null) {
			return;
		}
		String schema = "staysync_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		execute("create schema " + schema);
		String separator = PostgresTestDatabase.URL.contains("?") ? "&" : "?";
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("postgres-test-schema",
					Map.of("spring.datasource.url", PostgresTestDatabase.URL + separator + "currentSchema=" + schema,
							"spring.datasource.username", PostgresTestDatabase.USER, "spring.datasource.password",
							PostgresTestDatabase.PASSWORD, "spring.flyway.schemas", schema,
							"spring.datasource.hikari.maximum-pool-size", "5")));
		context.addApplicationListener(event -> {
			if (event instanceof ContextClosedEvent) {
				execute("drop schema if exists " + schema + " cascade");
			}
		});
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

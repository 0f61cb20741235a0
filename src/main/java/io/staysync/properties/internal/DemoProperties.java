package io.staysync.properties.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalTime;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Demo mode: on the embedded database, a first start with no property creates two sample
 * properties so that a newcomer has something to map channels to. Never on PostgreSQL, and
 * never when {@code staysync.demo.enabled=false}.
 */
@Component
class DemoProperties implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoProperties.class);

	private final PropertyRepository properties;

	private final PropertyManagement management;

	private final DataSource dataSource;

	private final boolean enabled;

	DemoProperties(PropertyRepository properties, PropertyManagement management, DataSource dataSource,
			@Value("${staysync.demo.enabled:true}") boolean enabled) {
		this.properties = properties;
		this.management = management;
		this.dataSource = dataSource;
		this.enabled = enabled;
	}

	@Override
	public void run(ApplicationArguments args) throws SQLException {
		if (!enabled || !embedded() || properties.count() > 0) {
			return;
		}
		management.create(new PropertyDetails("Harbour Loft", "Europe/Lisbon", LocalTime.of(16, 0), LocalTime.of(10, 0),
				4, new Property.Address("Rua do Cais 12", null, "Lisboa", "1100-001", null, "PT")));
		management.create(new PropertyDetails("Alpine Chalet", "Europe/Zurich", LocalTime.of(15, 0), LocalTime.of(11, 0),
				8, new Property.Address("Dorfstrasse 4", null, "Zermatt", "3920", "VS", "CH")));
		log.info("Demo mode: created two sample properties (set staysync.demo.enabled=false to start empty)");
	}

	private boolean embedded() throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			return connection.getMetaData().getURL().startsWith("jdbc:h2:");
		}
	}

}

package io.staysync.properties.internal;

import java.time.LocalTime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import io.staysync.common.RunMode;

/**
 * Demo mode: on the embedded database, a first start with no property creates two sample
 * properties so that a newcomer has something to map channels to. Never on PostgreSQL,
 * and never when {@code staysync.demo.enabled=false}.
 */
@Component
class DemoProperties implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoProperties.class);

	private final PropertyRepository properties;

	private final PropertyManagement management;

	private final boolean demo;

	DemoProperties(PropertyRepository properties, PropertyManagement management, RunMode runMode) {
		this.properties = properties;
		this.management = management;
		this.demo = runMode.demo();
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!demo || properties.count() > 0) {
			return;
		}
		management.create(new PropertyDetails("Harbour Loft", "Europe/Lisbon", LocalTime.of(16, 0), LocalTime.of(10, 0),
				4, new Property.Address("Rua do Cais 12", null, "Lisboa", "1100-001", null, "PT")));
		management.create(new PropertyDetails("Alpine Chalet", "Europe/Zurich", LocalTime.of(15, 0),
				LocalTime.of(11, 0), 8, new Property.Address("Dorfstrasse 4", null, "Zermatt", "3920", "VS", "CH")));
		log.info("Demo mode: created two sample properties (set staysync.demo.enabled=false to start empty)");
	}

}

package io.staysync;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Staysync: one source of truth for properties and bookings, kept in sync with every channel.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class StaysyncApplication {

	public static void main(String[] args) {
		SpringApplication.run(StaysyncApplication.class, args);
	}

}

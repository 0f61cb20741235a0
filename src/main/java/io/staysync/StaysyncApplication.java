package io.staysync;

import java.util.Arrays;
import java.util.stream.Stream;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/**
 * Staysync: one source of truth for properties and bookings, kept in sync with every
 * channel. The shared kernel ({@code common}: clock, errors, guarded HTTP client) is part
 * of every module test's bootstrap.
 */
@SpringBootApplication
@Modulithic(sharedModules = "common")
@ConfigurationPropertiesScan
public class StaysyncApplication {

	public static void main(String[] args) {
		if (Arrays.asList(args).contains("rotate-keys")) {
			// A one-off command beside a running instance: any free port.
			args = Stream.concat(Arrays.stream(args), Stream.of("--server.port=0")).toArray(String[]::new);
		}
		SpringApplication.run(StaysyncApplication.class, args);
	}

}

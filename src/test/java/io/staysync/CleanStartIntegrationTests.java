package io.staysync;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A start and stop with everything configured (keyring, administrator) warns about
 * nothing: a warning in the log is there for an operator to act on, not routine noise.
 */
@ExtendWith(OutputCaptureExtension.class)
class CleanStartIntegrationTests {

	@Test
	void aConfiguredInstanceStartsAndStopsWithoutWarnings(CapturedOutput output) {
		// Arguments, not default properties: application.properties sets the port.
		new SpringApplicationBuilder(StaysyncApplication.class).profiles("test").run("--server.port=0").close();

		assertThat(output).contains("Sync scheduler started", "HikariPool-1 - Shutdown completed");
		// Start and stop run on this thread; other cached contexts of the same JVM log on
		// their own.
		assertThat(
				Arrays.stream(output.getAll().split("\\R")).filter(line -> line.matches(".* WARN .*\\[\\s*main\\].*")))
			.as("warnings of a routine start and stop")
			.isEmpty();
	}

}

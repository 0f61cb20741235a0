package io.staysync;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A setting with a value the application cannot work with stops the start, and the report
 * names the property to fix, rather than the application running with it.
 */
@ExtendWith(OutputCaptureExtension.class)
class BadSettingsIntegrationTests {

	@Test
	void aBadValueStopsTheStartAndTheReportNamesTheProperty(CapturedOutput output) {
		SpringApplicationBuilder application = new SpringApplicationBuilder(StaysyncApplication.class).profiles("test");

		assertThatThrownBy(() -> application.run("--server.port=0", "--staysync.availability.max-attempts=0").close())
			.hasStackTraceContaining("staysync.availability.max-attempts must be at least 1");
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("staysync.availability.max-attempts must be at least 1");
	}

}

package io.staysync.soak;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The soak's short version: two minutes of traffic with faults, a {@code kill -9} and a
 * database restart, on the packaged jar (failsafe runs after {@code package}); every
 * invariant must hold. Needs a PostgreSQL installation to make a cluster of its own from:
 * without one it is skipped, unless {@code STAYSYNC_REQUIRE_POSTGRES=true}, when it fails
 * saying why.
 */
class SoakIntegrationTests {

	@Test
	@Timeout(value = 15, unit = java.util.concurrent.TimeUnit.MINUTES)
	void everyInvariantHoldsAfterTwoMinutesOfFaultsACrashAndADatabaseRestart() throws Exception {
		Path jar = Path.of("target/staysync.jar");
		assertThat(jar).as("the packaged jar (failsafe runs after package)").exists();
		boolean postgresInstalled = Files.isExecutable(Path.of("/usr/lib/postgresql/15/bin/initdb"))
				|| Files.isExecutable(Path.of("/usr/lib/postgresql/16/bin/initdb"))
				|| Files.isExecutable(Path.of("/usr/lib/postgresql/17/bin/initdb"));
		if (!"true".equalsIgnoreCase(System.getenv("STAYSYNC_REQUIRE_POSTGRES"))) {
			assumeTrue(postgresInstalled, "no PostgreSQL installation to make the soak's own cluster from");
		}
		Soak.Report report = Soak
			.run(new Soak.Options(Duration.ofMinutes(2), 200, 20, 2, 18150, jar, Path.of("target/soak-it"), 17));
		report.print();
		assertThat(report.violations()).as("invariant violations").isEmpty();
		assertThat(report.figures()).anyMatch(line -> line.contains("kill -9"))
			.anyMatch(line -> line.contains("PostgreSQL restarted"));
	}

}

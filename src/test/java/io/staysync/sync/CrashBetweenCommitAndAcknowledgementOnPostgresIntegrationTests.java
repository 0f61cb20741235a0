package io.staysync.sync;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import com.jayway.jsonpath.JsonPath;

import io.staysync.channels.sandbox.bookingcom.BookingComSandbox;
import io.staysync.channels.sandbox.bookingcom.SandboxReservation;
import io.staysync.channels.sandbox.bookingcom.SandboxReservation.Room;
import io.staysync.test.ApiIntegrationTest;
import io.staysync.test.OnPostgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A process really dies between the commit of a reservation and its acknowledgement. This
 * test's application serves the Booking.com sandbox; a second JVM
 * ({@link CrashingInstance}) runs Staysync on the same PostgreSQL schema against that
 * sandbox and halts inside the acknowledgement ({@link HaltBeforeAcknowledgement}). The
 * booking is committed and the sandbox still holds the reservation unacknowledged; the
 * next sync (this application's, once the dead instance's run has gone quiet) gets it
 * again, changes nothing and acknowledges it.
 */
@OnPostgres
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = { "staysync.http.allow-private-addresses=true",
		"staysync.sandbox.booking-com.enabled=true", "staysync.channels.booking-com.sandbox=true",
		"staysync.channels.booking-com.pause-after-acknowledgement=0s", "staysync.scheduler.enabled=false",
		"staysync.sync.heartbeat-interval=1s", "staysync.sync.stale-after=3s" })
class CrashBetweenCommitAndAcknowledgementOnPostgresIntegrationTests extends ApiIntegrationTest {

	static final Path LOGS = Path.of("target", "crash-test");

	@LocalServerPort
	int port;

	@Autowired
	BookingComSandbox sandbox;

	@Value("${spring.datasource.url}")
	String databaseUrl;

	@Value("${spring.datasource.username}")
	String databaseUser;

	@Value("${spring.datasource.password:}")
	String databasePassword;

	@Value("${spring.flyway.schemas}")
	String schema;

	@Test
	void theReservationRedeliveredAfterTheCrashIsAppliedOnceAndThenAcknowledged() throws Exception {
		resetChannels();
		sandbox.reset();
		String loft = createProperty("Crash Loft " + System.nanoTime(), "Europe/Amsterdam", 4);
		mvc.perform(json(asAdmin(post("/api/integrations/booking_com/configure")),
				"{\"mode\":\"api\",\"apiKey\":\"machine-account\",\"apiSecret\":\"sandbox-secret\",\"isActive\":true}"))
			.andExpect(status().isOk());
		mvc.perform(json(asAdmin(put("/api/integrations/booking_com/mappings")),
				"[{\"externalListingId\":\"4410021-77120001\",\"propertyId\":\"%s\"}]".formatted(loft)))
			.andExpect(status().isOk());
		LocalDate arrival = LocalDate.now().plusDays(50);
		sandbox.queueNew(new SandboxReservation("9001", "4410021",
				List.of(new Room(1, "77120001", arrival, 3, 2, 13000)), "Noor", "de Vries"));

		Path log = LOGS.resolve("crashing-instance.log");
		int exit = runCrashingInstance(log);

		assertThat(exit).as("the instance halted inside the acknowledgement; its log:%n%s", tail(log))
			.isEqualTo(HaltBeforeAcknowledgement.HALTED);
		assertThat(Files.readString(log)).contains("HALT before acknowledging [9001]");
		Map<String, Object> stored = booking("9001-1");
		assertThat(stored.get("status")).as("committed before the crash").isEqualTo("CONFIRMED");
		assertThat(stored.get("check_in").toString()).isEqualTo(arrival.toString());
		assertThat(sandbox.state(true, "9001")).as("never acknowledged").isEqualTo("DELIVERED");
		assertThat(sandbox.deliveries(true, "9001")).isOne();
		String dead = jdbc.sql("select id from sync_runs where status = 'running'").query(String.class).single();

		// The dead instance's run holds the integration until its heartbeat is stale.
		List<String> started = new ArrayList<>();
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
			String run = JsonPath.read(mvc.perform(asAdmin(post("/api/integrations/booking_com/sync")))
				.andExpect(status().isAccepted())
				.andReturn()
				.getResponse()
				.getContentAsString(), "$.id");
			started.add(run);
			return !run.equals(dead);
		});
		String again = started.get(started.size() - 1);
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> mvc.perform(asAdmin(get("/api/syncs/" + again)))
				.andExpect(jsonPath("$.status").value("success")));

		mvc.perform(asAdmin(get("/api/syncs/" + again)))
			.andExpect(jsonPath("$.bookingsCreated").value(0))
			.andExpect(jsonPath("$.bookingsUpdated").value(0))
			.andExpect(jsonPath("$.unchanged").value(1));
		assertThat(sandbox.deliveries(true, "9001")).as("delivered again after the crash").isEqualTo(2);
		assertThat(sandbox.state(true, "9001")).isEqualTo("ACKNOWLEDGED");
		assertThat(count("bookings where external_id like '9001-%'")).isOne();
		assertThat(booking("9001-1")).as("applied once: the re-delivery changed nothing").isEqualTo(stored);
		mvc.perform(asAdmin(get("/api/syncs/" + dead)))
			.andExpect(jsonPath("$.status").value("error"))
			.andExpect(jsonPath("$.errorMessage").value(startsWith("Abandoned")));
	}

	/**
	 * Starts {@link CrashingInstance} on this test's schema and sandbox, and waits (long:
	 * a loaded machine starts a JVM slowly) for it to end.
	 * @return its exit status
	 */
	private int runCrashingInstance(Path log) throws IOException, InterruptedException {
		Files.createDirectories(LOGS);
		String sandboxBase = "http://localhost:" + port + "/sandbox/booking-com";
		List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
				"-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
				CrashingInstance.class.getName(), "--spring.datasource.url=" + databaseUrl,
				"--spring.datasource.username=" + databaseUser, "--spring.flyway.schemas=" + schema,
				"--spring.datasource.hikari.maximum-pool-size=3", "--server.port=0", "--spring.main.banner-mode=off",
				"--staysync.scheduler.enabled=false", "--staysync.http.allow-private-addresses=true",
				"--staysync.channels.booking-com.token-url=" + sandboxBase + "/token-based-authentication/exchange",
				"--staysync.channels.booking-com.reservations-url=" + sandboxBase,
				"--staysync.channels.booking-com.availability-url=" + sandboxBase,
				"--staysync.channels.booking-com.pause-after-acknowledgement=0s"));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		// The password goes by the environment, not the command line others may list.
		builder.environment().put("SPRING_DATASOURCE_PASSWORD", databasePassword);
		Process instance = builder.start();
		if (!instance.waitFor(3, TimeUnit.MINUTES)) {
			instance.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			throw new AssertionError(
					"The crashing instance neither crashed nor ended in 3 minutes; its log:\n" + tail(log));
		}
		return instance.exitValue();
	}

	private Map<String, Object> booking(String externalId) {
		return jdbc
			.sql("select status, check_in, check_out, guest_name, total_amount, version, updated_at"
					+ " from bookings where external_id = :e")
			.param("e", externalId)
			.query()
			.singleRow();
	}

	private static String tail(Path log) throws IOException {
		if (!Files.exists(log)) {
			return "(no log)";
		}
		List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
		return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
	}

}

package io.staysync;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;
import org.yaml.snakeyaml.Yaml;

import io.staysync.test.PostgresTestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts the image the build wrote, without Docker: its layers unpacked into a directory,
 * its entrypoint run there as its user in its working directory, in mount and process
 * namespaces of their own with /proc and /dev mounted, which is what a container runtime
 * does short of the network and cgroups. Configured only through the environment and
 * files under /run/secrets, as deploy/compose.yaml does, against the test PostgreSQL; the
 * test waits for {@code /actuator/health} UP, signed in with the administrator password
 * that came from the secret file, then runs the health check of deploy/compose.yaml
 * inside the image.
 *
 * <p>
 * Needs Linux, root (to change root and mount) and util-linux's {@code unshare}: skipped
 * with a message without them, as for a developer on macOS; CI runs as root on Linux.
 */
class ImageStartsIntegrationTests {

	private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

	private static final String ADMIN_PASSWORD = "image-test-" + UUID.randomUUID();

	private final String schema = "staysync_image_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

	private Path root;

	private Process container;

	@Test
	void theImageStartsOnPostgresAsItsUserAndAnswersHealthy() throws Exception {
		assumeContainerCanBeImitated();
		ContainerImage image = ContainerImage.built();
		this.root = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "image-root-");
		// the image's / as a runtime lays it out: every user may enter it
		Files.setPosixFilePermissions(this.root, PosixFilePermissions.fromString("rwxr-xr-x"));
		image.unpack(this.root);
		provideWhatTheRuntimeProvides();
		execute("create schema " + this.schema);
		int port = freePort();
		Path log = Path.of("target", "image-start.log").toAbsolutePath();

		this.container = run(image, List.of(), port, log);
		String health = awaitHealthy(this.container, port, log);

		assertThat(health).as("details are shown to ADMIN only: the password came from the secret file")
			.contains("\"db\":{\"details\":{\"database\":\"PostgreSQL\"")
			.startsWith("{\"components\"");
		assertThat(javaUid(this.container)).as("uid of the application's process").isEqualTo("10001");
		Process probe = run(image, composeHealthCheck(), port, Path.of("target", "image-probe.log").toAbsolutePath());
		assertThat(probe.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(probe.exitValue()).as("the compose health check's exit status").isZero();
	}

	@AfterEach
	void stop() throws Exception {
		if (this.container != null) {
			this.container.descendants().forEach(ProcessHandle::destroy);
			if (!this.container.waitFor(30, TimeUnit.SECONDS)) {
				this.container.descendants().forEach(ProcessHandle::destroyForcibly);
				this.container.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		if (this.root != null) {
			execute("drop schema if exists " + this.schema + " cascade");
			FileSystemUtils.deleteRecursively(this.root);
		}
	}

	/**
	 * The image's entrypoint, or {@code program} when there is one, in the unpacked
	 * image.
	 */
	private Process run(ContainerImage image, List<String> program, int port, Path log) throws IOException {
		List<String> argv = new ArrayList<>(program.isEmpty() ? image.list("Entrypoint") : program);
		argv.set(0, program.isEmpty() ? image.entrypointProgram(image.files()) : argv.get(0));
		String[] user = image.config().get("User").asString().split(":");
		List<String> command = new ArrayList<>(List.of("unshare", "--mount", "--pid", "--fork", "sh", "-c",
				"mount -t proc proc \"$0/proc\" && mount --rbind /dev \"$0/dev\" && exec \"$@\"", this.root.toString(),
				"env", "-i"));
		image.environment().forEach((name, value) -> command.add(name + "=" + value));
		command.addAll(List.of("SERVER_PORT=" + port,
				"SPRING_DATASOURCE_URL=" + PostgresTestDatabase.URL
						+ (PostgresTestDatabase.URL.contains("?") ? "&" : "?") + "currentSchema=" + this.schema,
				"SPRING_DATASOURCE_USERNAME=" + PostgresTestDatabase.USER, "SPRING_FLYWAY_SCHEMAS=" + this.schema,
				"SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE=3",
				"SPRING_CONFIG_IMPORT=optional:configtree:/run/secrets/",
				"STAYSYNC_KEYRING_FILE=/run/secrets/staysync-keyring"));
		command.addAll(List.of("unshare", "--root=" + this.root, "--wd=" + image.config().get("WorkingDir").asString(),
				"--setgid=" + user[1], "--setuid=" + user[0]));
		command.addAll(argv);
		return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
	}

	/** The health check deploy/compose.yaml gives the first instance, without "CMD". */
	@SuppressWarnings("unchecked")
	private static List<String> composeHealthCheck() throws IOException {
		try (InputStream in = Files.newInputStream(Path.of("deploy", "compose.yaml"))) {
			Map<String, Object> compose = new Yaml().load(in);
			Map<String, Object> instance = (Map<String, Object>) ((Map<String, Object>) compose.get("services"))
				.get("staysync-1");
			List<String> test = (List<String>) ((Map<String, Object>) instance.get("healthcheck")).get("test");
			assertThat(test.get(0)).isEqualTo("CMD");
			return test.subList(1, test.size());
		}
	}

	/**
	 * What Docker adds to every container: mount points, /etc/hosts, the secrets as
	 * files.
	 */
	private void provideWhatTheRuntimeProvides() throws IOException {
		Files.createDirectories(this.root.resolve("proc"));
		Files.createDirectories(this.root.resolve("dev"));
		Files.writeString(this.root.resolve("etc/hosts"), "127.0.0.1\tlocalhost staysync-image-test\n");
		Path secrets = Files.createDirectories(this.root.resolve("run/secrets"));
		byte[] key = new byte[32];
		new java.security.SecureRandom().nextBytes(key);
		secret(secrets.resolve("staysync-keyring"), "primary: 1\n1: " + Base64.getEncoder().encodeToString(key) + "\n");
		secret(secrets.resolve("staysync.admin.password"), ADMIN_PASSWORD + "\n");
		secret(secrets.resolve("spring.datasource.password"), PostgresTestDatabase.PASSWORD + "\n");
	}

	/** As the operator is told to: owned by the image's user, readable by it alone. */
	private static void secret(Path file, String text) throws IOException {
		Files.writeString(file, text, StandardCharsets.UTF_8);
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		Files.setAttribute(file, "unix:uid", 10001);
		Files.setAttribute(file, "unix:gid", 10001);
	}

	private static String awaitHealthy(Process container, int port, Path log) throws Exception {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		String credentials = Base64.getEncoder()
			.encodeToString(("admin@staysync.local:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
			.header("Authorization", "Basic " + credentials)
			.timeout(Duration.ofSeconds(5))
			.build();
		Instant deadline = Instant.now().plus(START_TIMEOUT);
		String last = "no answer";
		while (Instant.now().isBefore(deadline) && container.isAlive()) {
			try {
				HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
				last = response.statusCode() + " " + response.body();
				if (response.statusCode() == 200 && response.body().contains("\"status\":\"UP\"")) {
					return response.body();
				}
			}
			catch (IOException notYet) {
				last = notYet.toString();
			}
			Thread.sleep(1000);
		}
		String outcome = container.isAlive() ? "not healthy within " + START_TIMEOUT
				: "ended with status " + container.exitValue();
		throw new AssertionError(outcome + " (last answer: " + last + "); its log:\n" + tail(log));
	}

	private static String javaUid(Process container) throws IOException {
		Optional<ProcessHandle> java = container.descendants()
			.filter(process -> process.info().command().orElse("").endsWith("/bin/java"))
			.findFirst();
		assertThat(java).as("the application's process").isPresent();
		return Files.readAllLines(Path.of("/proc", String.valueOf(java.get().pid()), "status"))
			.stream()
			.filter(line -> line.startsWith("Uid:"))
			.map(line -> line.split("\\s+")[1])
			.findFirst()
			.orElseThrow();
	}

	private static void assumeContainerCanBeImitated() throws IOException {
		Assumptions.assumeTrue(System.getProperty("os.name").equals("Linux"),
				"SKIPPED: starting the image without Docker needs Linux namespaces");
		Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
		Assumptions.assumeTrue(Integer.valueOf(0).equals(uid),
				"SKIPPED: starting the image without Docker needs root (to change root and mount /proc)");
		Assumptions.assumeTrue(onPath("unshare"), "SKIPPED: starting the image needs util-linux's unshare");
		String problem = PostgresTestDatabase.unavailableBecause();
		if (problem != null && PostgresTestDatabase.REQUIRED) {
			throw new IllegalStateException("STAYSYNC_REQUIRE_POSTGRES=true, but " + problem);
		}
		Assumptions.assumeTrue(problem == null, () -> "SKIPPED: " + problem);
	}

	private static boolean onPath(String program) {
		for (String directory : System.getenv().getOrDefault("PATH", "").split(":")) {
			if (Files.isExecutable(Path.of(directory, program))) {
				return true;
			}
		}
		return false;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static String tail(Path log) throws IOException {
		List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
		return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
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

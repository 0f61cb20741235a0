package io.staysync.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Time from {@code java -jar} to a healthy instance ({@code /actuator/health} answering
 * UP) on the embedded database, as an operator starts it: a first start in an empty
 * directory (schema migrated, keyring generated, demo data seeded) and a restart on the
 * data it left. Each variant is started several times, in turns, and the median reported;
 * the baseline is the JVM alone ({@code java -version}) measured in the same run. Extra
 * variants compare JVM options, e.g. a class-data-sharing archive:
 *
 * <pre>
 * ./mvnw -q -B -DskipTests package
 * ./mvnw -q -Pbench test-compile exec:java -Dbench.main=io.staysync.bench.StartupBenchmark \
 *     -Dbench.jar=target/staysync.jar -Dbench.runs=5 \
 *     "-Dbench.variants=default|lazy=-Dspring.main.lazy-initialization=true"
 * </pre>
 *
 * A variant is {@code name=jvm options separated by spaces} ({@code default} has none),
 * or {@code name@jar=options} to start another jar, e.g. one extracted by Spring Boot's
 * {@code -Djarmode=tools extract} with a class-data-sharing archive beside it.
 */
public final class StartupBenchmark {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

	public static void main(String[] args) throws Exception {
		Path jar = Path.of(System.getProperty("bench.jar", "target/staysync.jar")).toAbsolutePath();
		int runs = Integer.getInteger("bench.runs", 5);
		List<String[]> variants = new ArrayList<>();
		for (String variant : System.getProperty("bench.variants", "default").split("\\|")) {
			String[] parts = variant.split("=", 2);
			String[] named = parts[0].split("@", 2);
			variants.add(new String[] { named[0], parts.length > 1 ? parts[1] : "",
					named.length > 1 ? Path.of(named[1]).toAbsolutePath().toString() : jar.toString() });
		}
		System.out.printf("load average before: %s%n", loadAverage());
		List<Long> jvm = new ArrayList<>();
		List<List<Long>> first = new ArrayList<>();
		List<List<Long>> restart = new ArrayList<>();
		variants.forEach(v -> {
			first.add(new ArrayList<>());
			restart.add(new ArrayList<>());
		});
		for (int run = 0; run < runs; run++) {
			jvm.add(jvmAlone());
			for (int v = 0; v < variants.size(); v++) {
				Path home = Files.createTempDirectory("staysync-startup-");
				Path variantJar = Path.of(variants.get(v)[2]);
				first.get(v).add(healthyAfter(variantJar, variants.get(v)[1], home));
				restart.get(v).add(healthyAfter(variantJar, variants.get(v)[1], home));
			}
		}
		System.out.printf("load average after: %s%n", loadAverage());
		long baseline = median(jvm);
		System.out.printf("%-28s %10s %10s %8s%n", "variant", "median ms", "all", "x JVM");
		System.out.printf("%-28s %10d %10s %8s%n", "JVM alone (java -version)", baseline, jvm, "1.0");
		for (int v = 0; v < variants.size(); v++) {
			report(variants.get(v)[0] + ", first start", first.get(v), baseline);
			report(variants.get(v)[0] + ", restart", restart.get(v), baseline);
		}
	}

	private static void report(String name, List<Long> times, long baseline) {
		long median = median(times);
		System.out.printf("%-28s %10d %10s %8.1f%n", name, median, times, (double) median / baseline);
	}

	/**
	 * Milliseconds from starting the process to the first UP; the process is stopped
	 * after.
	 */
	private static long healthyAfter(Path jar, String jvmOptions, Path home) throws Exception {
		int port = freePort();
		List<String> command = new ArrayList<>(List.of(java()));
		if (!jvmOptions.isBlank()) {
			command.addAll(Arrays.asList(jvmOptions.trim().split("\\s+")));
		}
		command.addAll(List.of("-Duser.home=" + home, "-jar", jar.toString(), "--server.port=" + port,
				"--spring.datasource.hikari.maximum-pool-size=3"));
		long started = System.nanoTime();
		Process process = new ProcessBuilder(command).directory(home.toFile())
			.redirectOutput(home.resolve("out.log").toFile())
			.redirectErrorStream(true)
			.start();
		try {
			URI health = URI.create("http://127.0.0.1:" + port + "/actuator/health");
			while (true) {
				if (!process.isAlive()) {
					throw new IllegalStateException("The instance stopped; see " + home.resolve("out.log"));
				}
				if (up(health)) {
					return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
				}
				if (System.nanoTime() - started > TimeUnit.MINUTES.toNanos(3)) {
					throw new IllegalStateException("Not healthy after 3 minutes; see " + home.resolve("out.log"));
				}
				Thread.sleep(50);
			}
		}
		finally {
			process.destroy();
			if (!process.waitFor(30, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor();
			}
		}
	}

	private static boolean up(URI health) {
		try {
			HttpResponse<String> answer = http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).build(),
					HttpResponse.BodyHandlers.ofString());
			return answer.statusCode() == 200 && answer.body().contains("\"UP\"");
		}
		catch (IOException notYet) {
			return false;
		}
		catch (InterruptedException stop) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(stop);
		}
	}

	private static long jvmAlone() throws Exception {
		long started = System.nanoTime();
		new ProcessBuilder(java(), "-version").redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start()
			.waitFor();
		return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
	}

	private static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static long median(List<Long> times) {
		List<Long> sorted = times.stream().sorted().toList();
		return sorted.get(sorted.size() / 2);
	}

	private static String loadAverage() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).trim();
		}
		catch (IOException unavailable) {
			return "unknown";
		}
	}

}

package io.staysync.soak;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One Staysync instance of the soak: the packaged jar in a JVM of its own, so that it can
 * be killed with {@code kill -9} and started again with the same settings. Ready once
 * {@code /actuator/health} answers UP.
 */
final class StaysyncProcess implements AutoCloseable {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final String name;

	private final Path jar;

	private final Path log;

	private final int port;

	private final List<String> arguments;

	private Process process;

	StaysyncProcess(String name, Path jar, Path log, int port, List<String> arguments) {
		this.name = name;
		this.jar = jar;
		this.log = log;
		this.port = port;
		this.arguments = List.copyOf(arguments);
	}

	String name() {
		return name;
	}

	String baseUrl() {
		return "http://127.0.0.1:" + port;
	}

	synchronized void start() throws IOException {
		List<String> command = new ArrayList<>(List.of(
				Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx320m", "-XX:+UseSerialGC",
				"-XX:TieredStopAtLevel=1", "-Xss512k", "-jar", jar.toString(), "--server.port=" + port));
		command.addAll(arguments);
		process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
			.start();
	}

	/**
	 * Waits until it answers healthy; fails naming the log when it stops or never does.
	 */
	void awaitHealthy(Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			Process current;
			synchronized (this) {
				current = process;
			}
			if (current == null || !current.isAlive()) {
				throw new IllegalStateException(name + " stopped while starting; see " + log);
			}
			if (healthy()) {
				return;
			}
			Thread.sleep(500);
		}
		throw new IllegalStateException(name + " was not healthy after " + timeout + "; see " + log);
	}

	boolean healthy() {
		try {
			HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
				.timeout(Duration.ofSeconds(5))
				.build(), HttpResponse.BodyHandlers.ofString());
			return health.statusCode() == 200 && health.body().contains("\"UP\"");
		}
		catch (IOException unreachable) {
			return false;
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/** {@code kill -9}: no shutdown hook, no graceful stop, runs left as they were. */
	synchronized void killHard() throws IOException, InterruptedException {
		long pid = process.pid();
		Process kill = new ProcessBuilder("kill", "-9", String.valueOf(pid)).redirectErrorStream(true).start();
		kill.waitFor(10, TimeUnit.SECONDS);
		if (!process.waitFor(30, TimeUnit.SECONDS)) {
			throw new IllegalStateException(name + " (pid " + pid + ") survived kill -9");
		}
	}

	@Override
	public synchronized void close() {
		if (process == null) {
			return;
		}
		process.destroy();
		try {
			if (!process.waitFor(25, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException interrupted) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

}

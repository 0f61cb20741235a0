package io.staysync.soak;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of the soak's own, in a temporary directory on a port of its own,
 * so that it can be restarted in the middle of a run without touching anyone else's
 * database: {@code initdb} and {@code pg_ctl} of the machine's PostgreSQL, run as the
 * {@code postgres} user when the soak runs as root (initdb refuses root). Removed, data
 * and all, when closed.
 */
final class PrivatePostgres implements AutoCloseable {

	static final String DATABASE = "soak";

	private final Path bin;

	private final Path directory;

	private final int port;

	private final boolean asPostgresUser;

	private PrivatePostgres(Path bin, Path directory, int port, boolean asPostgresUser) {
		this.bin = bin;
		this.directory = directory;
		this.port = port;
		this.asPostgresUser = asPostgresUser;
	}

	/**
	 * Creates and starts the cluster, with an empty database {@value #DATABASE}.
	 * @throws IllegalStateException naming why it cannot be made here
	 */
	static PrivatePostgres start(int port) throws IOException, InterruptedException {
		Path bin = binaries();
		boolean root = "root".equals(System.getProperty("user.name"));
		if (root && run(List.of("id", "-u", "postgres"), Duration.ofSeconds(10)) != 0) {
			throw new IllegalStateException("The soak runs as root and there is no postgres user to run initdb as");
		}
		Path directory = Files.createTempDirectory("staysync-soak-pg");
		PrivatePostgres postgres = new PrivatePostgres(bin, directory, port, root);
		try {
			if (root) {
				postgres.require(List.of("chown", "postgres:postgres", directory.toString()), "chown");
			}
			postgres.require(postgres.asUser(List.of(bin.resolve("initdb").toString(), "-D", postgres.data(), "-A",
					"trust", "-U", "postgres", "-E", "UTF8", "--no-sync")), "initdb");
			postgres.require(postgres.ctl("start", "-o", "-p " + port + " -k " + directory
					+ " -c listen_addresses=127.0.0.1 -c max_connections=60 -c fsync=off -c shared_buffers=64MB"),
					"pg_ctl start");
			try (Connection connection = postgres.connect("postgres")) {
				connection.createStatement().execute("create database " + DATABASE);
			}
			return postgres;
		}
		catch (Exception failed) {
			postgres.close();
			throw new IllegalStateException("The soak's own PostgreSQL could not be made: " + failed.getMessage(),
					failed);
		}
	}

	String jdbcUrl() {
		return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
	}

	Connection connect() throws SQLException {
		return connect(DATABASE);
	}

	/** Stops it (fast: open connections are cut) and starts it again. */
	void restart() throws IOException, InterruptedException {
		require(ctl("restart", "-m", "fast"), "pg_ctl restart");
	}

	@Override
	public void close() {
		try {
			run(ctl("stop", "-m", "immediate"), Duration.ofSeconds(60));
		}
		catch (IOException | InterruptedException ignored) {
			// removed below all the same
		}
		try (Stream<Path> files = Files.walk(directory)) {
			files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
		catch (IOException ignored) {
			// a temporary directory
		}
	}

	private Connection connect(String database) throws SQLException {
		return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, "postgres", "");
	}

	private String data() {
		return directory.resolve("data").toString();
	}

	private List<String> ctl(String action, String... options) {
		List<String> command = new ArrayList<>(List.of(bin.resolve("pg_ctl").toString(), action, "-D", data(), "-w",
				"-t", "120", "-l", directory.resolve("postgres.log").toString()));
		command.addAll(List.of(options));
		return asUser(command);
	}

	private List<String> asUser(List<String> command) {
		if (!asPostgresUser) {
			return command;
		}
		List<String> as = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
		as.addAll(command);
		return as;
	}

	private void require(List<String> command, String what) throws IOException, InterruptedException {
		int exit = run(command, Duration.ofMinutes(3));
		if (exit != 0) {
			String log = Files.exists(directory.resolve("postgres.log"))
					? Files.readString(directory.resolve("postgres.log")) : "";
			throw new IllegalStateException(what + " failed with exit code " + exit + " " + log);
		}
	}

	private static int run(List<String> command, Duration timeout) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
			process.destroyForcibly();
			return -1;
		}
		return process.exitValue();
	}

	private static Path binaries() {
		for (String version : List.of("17", "16", "15")) {
			Path bin = Path.of("/usr/lib/postgresql", version, "bin");
			if (Files.isExecutable(bin.resolve("initdb"))) {
				return bin;
			}
		}
		throw new IllegalStateException("No PostgreSQL server binaries (initdb, pg_ctl) under /usr/lib/postgresql");
	}

}

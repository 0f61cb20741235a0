package io.staysync.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.jayway.jsonpath.JsonPath;

import io.staysync.StaysyncApplication;
import io.staysync.channels.ChannelMode;
import io.staysync.channels.ChannelType;
import io.staysync.channels.bookingcom.OtaParsing;
import io.staysync.channels.sandbox.bookingcom.BookingComSandbox;
import io.staysync.channels.sandbox.bookingcom.SandboxReservation;
import io.staysync.channels.sandbox.bookingcom.SandboxReservation.Room;
import io.staysync.integrations.internal.IntegrationConfiguration;
import io.staysync.integrations.internal.IntegrationManagement;
import io.staysync.integrations.internal.MappingManagement;
import io.staysync.properties.internal.PropertyDetails;
import io.staysync.properties.internal.PropertyManagement;
import io.staysync.sync.SyncTrigger;
import io.staysync.sync.internal.RecentSyncs;
import io.staysync.sync.internal.SyncLauncher;
import io.staysync.sync.internal.SyncRunView;

/**
 * A batch of 500 new Booking.com reservations queued at the sandbox (over HTTP on
 * loopback, the real client and connector), pulled, stored one transaction each and
 * acknowledged by one sync run; against a baseline measured in the same run: parsing the
 * very document the pull gets with {@code OtaParser} alone. Reports reservations per
 * second and the latency of each reservation from the moment it was queued at the sandbox
 * to the moment its booking is committed (seen by another database connection). Several
 * rounds, each with new reservations on nights of their own:
 *
 * <pre>
 * ./mvnw -q -Pbench test-compile exec:java -Dbench.main=io.staysync.bench.BookingComPullBenchmark [-Dbench.db=postgres -Dbench.reservations=500 -Dbench.rounds=5]
 * </pre>
 */
public final class BookingComPullBenchmark {

	static final String HOTEL = "4410021";

	static final int ROOM_TYPES = 50;

	public static void main(String[] args) throws Exception {
		int reservations = Integer.getInteger("bench.reservations", 500);
		int rounds = Integer.getInteger("bench.rounds", 5);
		String db = System.getProperty("bench.db", "h2");
		try (ConfigurableApplicationContext context = start(db)) {
			connect(context);
			BookingComSandbox sandbox = context.getBean(BookingComSandbox.class);
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			int port = context.getEnvironment().getProperty("local.server.port", Integer.class);
			OtaParsing parser = new OtaParsing();
			List<Round> results = new ArrayList<>();
			for (int round = 0; round < rounds; round++) {
				LocalDate first = LocalDate.now().plusDays(30 + 40L * round);
				List<SandboxReservation> batch = batch(round, reservations, first);
				// The baseline parses the very document the pull gets; the sandbox is
				// then emptied and the batch queued again, so that measuring the baseline
				// does not count in the latencies.
				batch.forEach(sandbox::queueNew);
				byte[] document = pullOnce(port);
				double parseMillis = median(7, () -> {
					if (parser.parse(document) != reservations) {
						throw new IllegalStateException("The document does not hold every reservation");
					}
				});
				sandbox.reset();
				Map<String, Long> queued = new ConcurrentHashMap<>();
				for (SandboxReservation reservation : batch) {
					sandbox.queueNew(reservation);
					queued.put(reservation.resId() + "-1", System.nanoTime());
				}

				Map<String, Long> committed = new ConcurrentHashMap<>();
				AtomicBoolean watching = new AtomicBoolean(true);
				String prefix = "B" + round + "-%";
				Thread watcher = new Thread(() -> watch(jdbc, prefix, committed, watching), "watcher");
				watcher.start();
				long started = System.nanoTime();
				SyncRunView run = sync(context);
				long wallMillis = (System.nanoTime() - started) / 1_000_000;
				while (committed.size() < reservations && System.nanoTime() - started < 60_000_000_000L) {
					Thread.sleep(5);
				}
				watching.set(false);
				watcher.join();
				double[] latencies = committed.entrySet()
					.stream()
					.mapToDouble(entry -> (entry.getValue() - queued.get(entry.getKey())) / 1e6)
					.sorted()
					.toArray();
				results.add(new Round(parseMillis, run.durationMillis(), wallMillis, run.bookingsCreated(),
						latencies.length, percentile(latencies, 50), percentile(latencies, 99), run.status().name(),
						document.length));
				System.out.printf("round %d: %s, %d created, run %d ms (wall %d ms), parse %.1f ms, p50 %.0f ms,"
						+ " p99 %.0f ms, %d of %d seen committed%n", round + 1, run.status(), run.bookingsCreated(),
						run.durationMillis(), wallMillis, parseMillis, percentile(latencies, 50),
						percentile(latencies, 99), latencies.length, reservations);
			}
			report(results, reservations, db);
		}
	}

	private static void report(List<Round> rounds, int reservations, String db) {
		double parse = medianOf(rounds.stream().mapToDouble(Round::parseMillis).toArray());
		double run = medianOf(rounds.stream().mapToDouble(Round::runMillis).toArray());
		double p50 = medianOf(rounds.stream().mapToDouble(Round::p50).toArray());
		double p99 = medianOf(rounds.stream().mapToDouble(Round::p99).toArray());
		System.out.printf("%nBooking.com pull benchmark: %d reservations per batch (%d KB document), %d rounds,"
				+ " db=%s; medians over the rounds%n", reservations, rounds.get(0).documentBytes() / 1024, rounds.size(),
				db);
		System.out.printf("%-52s %10s %14s %12s%n", "case", "ms", "reservations/s", "x baseline");
		System.out.printf("%-52s %10.1f %14.0f %12.2f%n", "parse the pulled document alone (baseline)", parse,
				reservations / parse * 1000, 1.0);
		System.out.printf("%-52s %10.1f %14.0f %12.2f%n", "sync run: pull, store each, acknowledge", run,
				reservations / run * 1000, run / parse);
		System.out.printf("%-52s %10.1f %14s %12.2f%n", "queued -> committed, p50", p50, "", p50 / parse);
		System.out.printf("%-52s %10.1f %14s %12.2f%n", "queued -> committed, p99", p99, "", p99 / parse);
	}

	private static ConfigurableApplicationContext start(String db) {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--staysync.http.allow-private-addresses=true",
				"--staysync.sandbox.booking-com.enabled=true", "--staysync.channels.booking-com.sandbox=true",
				"--staysync.channels.booking-com.pause-after-acknowledgement=0s", "--staysync.scheduler.enabled=false"));
		String schema = "staysync_bench_" + UUID.randomUUID().toString().substring(0, 8);
		if ("postgres".equals(db)) {
			String url = env("STAYSYNC_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");
			args.addAll(List.of(
					"--spring.datasource.url=" + url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema,
					"--spring.datasource.username=" + env("STAYSYNC_TEST_POSTGRES_USER", "postgres"),
					"--spring.datasource.password=" + env("STAYSYNC_TEST_POSTGRES_PASSWORD", ""),
					"--spring.flyway.schemas=" + schema));
		}
		ConfigurableApplicationContext context = new SpringApplicationBuilder(StaysyncApplication.class)
			.web(WebApplicationType.SERVLET)
			.profiles("test")
			.properties("logging.level.root=WARN", "spring.main.banner-mode=off")
			.run(args.toArray(String[]::new));
		if ("postgres".equals(db)) {
			context.addApplicationListener(event -> {
				if (event instanceof org.springframework.context.event.ContextClosedEvent) {
					context.getBean(JdbcTemplate.class).execute("drop schema " + schema + " cascade");
				}
			});
		}
		return context;
	}

	/**
	 * New reservations of two nights each, spread over the room types, on nights of the
	 * round's own.
	 */
	private static List<SandboxReservation> batch(int round, int reservations, LocalDate first) {
		List<SandboxReservation> batch = new ArrayList<>();
		for (int r = 0; r < reservations; r++) {
			LocalDate arrival = first.plusDays(3L * (r / ROOM_TYPES));
			batch.add(new SandboxReservation("B" + round + "-" + r, HOTEL,
					List.of(new Room(1, roomCode(r % ROOM_TYPES), arrival, 2, 2, 11000 + r)), "Guest", "Bench " + r));
		}
		return batch;
	}

	/** Booking.com in API mode, each of the hotel's room types mapped to a property. */
	private static void connect(ConfigurableApplicationContext context) {
		context.getBean(IntegrationManagement.class)
			.configure(ChannelType.BOOKING_COM, new IntegrationConfiguration("bench-machine-account",
					"sandbox-secret", null, null, true, ChannelMode.API, 1));
		PropertyManagement properties = context.getBean(PropertyManagement.class);
		List<MappingManagement.MappingRequest> mappings = new ArrayList<>();
		for (int roomType = 0; roomType < ROOM_TYPES; roomType++) {
			UUID property = properties.create(new PropertyDetails("Bench room " + roomType, "Europe/Amsterdam",
					LocalTime.of(15, 0), LocalTime.of(11, 0), 4, null)).id();
			mappings.add(new MappingManagement.MappingRequest(HOTEL + "-" + roomCode(roomType), property, null));
		}
		context.getBean(MappingManagement.class).merge(ChannelType.BOOKING_COM, mappings);
	}

	/**
	 * The document a pull of the new queue gets, fetched once by hand: a pull delivers
	 * and takes nothing, so the sync gets the same reservations again.
	 */
	private static byte[] pullOnce(int port) throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		String base = "http://localhost:" + port + "/sandbox/booking-com";
		String token = http.send(HttpRequest.newBuilder(URI.create(base + "/token-based-authentication/exchange"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers
				.ofString("{\"client_id\":\"bench-by-hand\",\"client_secret\":\"sandbox-secret\"}"))
			.build(), HttpResponse.BodyHandlers.ofString()).body();
		return http.send(HttpRequest.newBuilder(URI.create(base + "/hotels/ota/OTA_HotelResNotif"))
			.header("Authorization", "Bearer " + JsonPath.read(token, "$.jwt"))
			.build(), HttpResponse.BodyHandlers.ofByteArray()).body();
	}

	/**
	 * Notes when each booking becomes visible to another connection, which is when its
	 * transaction has committed.
	 */
	private static void watch(JdbcClient jdbc, String like, Map<String, Long> committed, AtomicBoolean watching) {
		while (watching.get()) {
			List<String> seen = jdbc.sql("select external_id from bookings where external_id like :like")
				.param("like", like)
				.query(String.class)
				.list();
			long now = System.nanoTime();
			seen.forEach(id -> committed.putIfAbsent(id, now));
			try {
				Thread.sleep(10);
			}
			catch (InterruptedException interrupted) {
				return;
			}
		}
	}

	private static SyncRunView sync(ConfigurableApplicationContext context) throws InterruptedException {
		UUID run = context.getBean(SyncLauncher.class)
			.start(ChannelType.BOOKING_COM, SyncTrigger.MANUAL, null)
			.run()
			.id();
		RecentSyncs history = context.getBean(RecentSyncs.class);
		SyncRunView view = history.get(run);
		while (view.completedAt() == null) {
			Thread.sleep(20);
			view = history.get(run);
		}
		return view;
	}

	private static String roomCode(int roomType) {
		return String.valueOf(77120001 + roomType);
	}

	private static double median(int iterations, Work work) throws Exception {
		for (int i = 0; i < 3; i++) {
			work.run();
		}
		double[] millis = new double[iterations];
		for (int i = 0; i < iterations; i++) {
			long start = System.nanoTime();
			work.run();
			millis[i] = (System.nanoTime() - start) / 1e6;
		}
		return medianOf(millis);
	}

	private static double medianOf(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

	private static double percentile(double[] sorted, int percent) {
		if (sorted.length == 0) {
			return Double.NaN;
		}
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)];
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return value == null || value.isBlank() ? fallback : value;
	}

	private record Round(double parseMillis, long runMillis, long wallMillis, int created, int seen, double p50,
			double p99, String status, int documentBytes) {
	}

	interface Work {

		void run() throws Exception;

	}

}

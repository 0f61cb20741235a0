package io.staysync.webhooks.outbound;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.sun.net.httpserver.HttpServer;

import io.staysync.StaysyncApplication;
import io.staysync.common.http.ApiCall;
import io.staysync.common.http.GuardedHttpClient;

/**
 * Outbound webhooks on PostgreSQL with a receiver on loopback that answers 204 at once.
 * <ul>
 * <li><b>Deliveries per second</b>: {@code bench.deliveries} queued messages drained by one
 * poller (claim, sign, POST, record), against the baseline of the same number of POSTs of
 * the same body through the same guarded client without the outbox or signatures.</li>
 * <li><b>Change to delivery</b>: {@code bench.bookings} bookings created one after another
 * through the REST API with the sender running; the time from the change's commit (the
 * message's timestamp) to its arrival at the receiver, against the baseline of the booking
 * request's own round trip.</li>
 * </ul>
 *
 * <pre>
 * ./mvnw -q -Pbench test-compile exec:java -Dbench.main=io.staysync.webhooks.outbound.OutboundWebhookBenchmark [-Dbench.deliveries=2000 -Dbench.bookings=300]
 * </pre>
 */
public final class OutboundWebhookBenchmark {

	static final String ADMIN = "Basic " + Base64.getEncoder()
		.encodeToString("admin@test.staysync.io:Admin-Passw0rd-for-tests".getBytes(StandardCharsets.UTF_8));

	static final Pattern TIMESTAMP = Pattern.compile("\"timestamp\":\"([^\"]+)\"");

	public static void main(String[] args) throws Exception {
		int deliveries = Integer.getInteger("bench.deliveries", 2000);
		int bookings = Integer.getInteger("bench.bookings", 300);
		String schema = "staysync_bench_" + UUID.randomUUID().toString().substring(0, 8);
		Receiver receiver = new Receiver();
		try (ConfigurableApplicationContext context = start(schema)) {
			WebhookSubscription subscription = context.getBean(SubscriptionManagement.class)
				.create(new SubscriptionRequest(receiver.url(), List.of("*"), "bench", true))
				.subscription();
			DeliveryPump pump = context.getBean(DeliveryPump.class);
			pump.stop();
			GuardedHttpClient http = context.getBean(WebhookHttp.CLIENT, GuardedHttpClient.class);
			DeliveryOutbox outbox = context.getBean(DeliveryOutbox.class);
			DeliveryPoller poller = context.getBean(DeliveryPoller.class);
			JdbcClient jdbc = context.getBean(JdbcClient.class);

			byte[] body = sampleBody(outbox, subscription, jdbc);
			plainPosts(http, receiver, body, deliveries / 4);
			drained(outbox, poller, subscription, deliveries / 4);
			double postsPerSecond = plainPosts(http, receiver, body, deliveries);
			double deliveriesPerSecond = drained(outbox, poller, subscription, deliveries);
			long delivered = jdbc.sql("select count(*) from webhook_deliveries where status = 'delivered'")
				.query(Long.class)
				.single();

			pump.start();
			receiver.latencies.clear();
			String base = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
			long[] requests = bookings(base, bookings);
			Thread.sleep(2000);
			long[] arrivals = receiver.latencies.stream().mapToLong(Long::longValue).sorted().toArray();

			System.out.printf("%nOutbound webhook benchmark: PostgreSQL, receiver on loopback answering 204%n");
			System.out.printf("%-52s %12s %10s%n", "throughput case", "per second", "x baseline");
			System.out.printf("%-52s %12.0f %10.2f%n", "plain POST, same client and body (baseline)", postsPerSecond, 1.0);
			System.out.printf("%-52s %12.0f %10.2f%n", "delivery: claim + sign + POST + record", deliveriesPerSecond,
					postsPerSecond / deliveriesPerSecond);
			System.out.printf("delivered %d of %d queued%n%n", delivered, deliveries + deliveries / 4 + 1);
			Arrays.sort(requests);
			System.out.printf("%-52s %9s %9s %10s%n", "latency case (ms)", "p50", "p99", "x p50");
			System.out.printf("%-52s %9.1f %9.1f %10.2f%n", "POST /api/bookings round trip (baseline)",
					percentile(requests, 50), percentile(requests, 99), 1.0);
			System.out.printf("%-52s %9.1f %9.1f %10.2f%n", "change committed -> delivery received",
					percentile(arrivals, 50), percentile(arrivals, 99),
					percentile(arrivals, 50) / percentile(requests, 50));
			System.out.printf("bookings created %d, booking.created deliveries received %d%n", requests.length,
					arrivals.length);
		}
		catch (Exception failed) {
			failed.printStackTrace();
			throw failed;
		}
		finally {
			receiver.close();
			dropSchema(schema);
		}
	}

	/** One message through the outbox, to send the same body as a plain POST. */
	private static byte[] sampleBody(DeliveryOutbox outbox, WebhookSubscription subscription, JdbcClient jdbc) {
		Delivery delivery = outbox.enqueue(subscription.id(), sample(0));
		jdbc.sql("update webhook_deliveries set status = 'delivered' where id = :id").param("id", delivery.id()).update();
		return delivery.payload().getBytes(StandardCharsets.UTF_8);
	}

	private static WebhookMessage sample(int sequence) {
		return WebhookMessage.of(EventType.BOOKING_CREATED, Instant.now(),
				Map.of("bookingId", UUID.randomUUID().toString(), "propertyId", UUID.randomUUID().toString(), "kind",
						"RESERVATION", "status", "CONFIRMED", "checkIn", "2027-03-01", "checkOut", "2027-03-05",
						"version", sequence));
	}

	private static double plainPosts(GuardedHttpClient http, Receiver receiver, byte[] body, int count)
			throws Exception {
		long start = System.nanoTime();
		for (int i = 0; i < count; i++) {
			http.call(ApiCall.post(URI.create(receiver.url()), Map.of(), body, "application/json"));
		}
		return count / ((System.nanoTime() - start) / 1e9);
	}

	private static double drained(DeliveryOutbox outbox, DeliveryPoller poller, WebhookSubscription subscription,
			int count) {
		for (int i = 0; i < count; i++) {
			outbox.enqueue(subscription.id(), sample(i));
		}
		long start = System.nanoTime();
		int sent = 0;
		while (sent < count) {
			sent += poller.drain();
		}
		return count / ((System.nanoTime() - start) / 1e9);
	}

	/** Creates bookings one after another, a few milliseconds apart; their round trips. */
	private static long[] bookings(String base, int count) throws Exception {
		HttpClient client = HttpClient.newHttpClient();
		String property = send(client, base + "/api/properties",
				"{\"name\":\"Bench house\",\"timeZone\":\"Europe/Paris\",\"maxGuests\":4}").body();
		String propertyId = property.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
		long[] micros = new long[count];
		LocalDate day = LocalDate.now().plusMonths(1);
		for (int i = 0; i < count; i++) {
			String json = "{\"propertyId\":\"%s\",\"checkIn\":\"%s\",\"checkOut\":\"%s\",\"guestName\":\"Guest\",\"adults\":2}"
				.formatted(propertyId, day.plusDays(2L * i), day.plusDays(2L * i + 1));
			long start = System.nanoTime();
			HttpResponse<String> response = send(client, base + "/api/bookings", json);
			micros[i] = (System.nanoTime() - start) / 1000;
			if (response.statusCode() != 201) {
				throw new IllegalStateException("Booking refused: " + response.statusCode() + " " + response.body());
			}
			Thread.sleep(5);
		}
		return micros;
	}

	private static HttpResponse<String> send(HttpClient client, String url, String json) throws Exception {
		return client.send(HttpRequest.newBuilder(URI.create(url))
			.header("Authorization", ADMIN)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** In milliseconds, from microseconds. */
	private static double percentile(long[] sortedMicros, int percentile) {
		if (sortedMicros.length == 0) {
			return Double.NaN;
		}
		int index = (int) Math.ceil(percentile / 100.0 * sortedMicros.length) - 1;
		return sortedMicros[Math.max(0, Math.min(index, sortedMicros.length - 1))] / 1000.0;
	}

	private static ConfigurableApplicationContext start(String schema) {
		String url = env("STAYSYNC_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");
		return new SpringApplicationBuilder(StaysyncApplication.class).web(WebApplicationType.SERVLET)
			.profiles("test")
			.run("--server.port=0", "--logging.level.root=WARN", "--spring.main.banner-mode=off",
					"--spring.datasource.url=" + url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema,
					"--spring.datasource.username=" + env("STAYSYNC_TEST_POSTGRES_USER", "postgres"),
					"--spring.datasource.password=" + env("STAYSYNC_TEST_POSTGRES_PASSWORD", ""),
					"--spring.datasource.hikari.maximum-pool-size=5", "--spring.flyway.schemas=" + schema,
					"--staysync.http.allow-private-addresses=true", "--staysync.scheduler.enabled=false");
	}

	private static void dropSchema(String schema) throws SQLException {
		try (Connection connection = DriverManager.getConnection(
				env("STAYSYNC_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test"),
				env("STAYSYNC_TEST_POSTGRES_USER", "postgres"), env("STAYSYNC_TEST_POSTGRES_PASSWORD", ""))) {
			connection.createStatement().execute("drop schema if exists " + schema + " cascade");
		}
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return value == null || value.isBlank() ? fallback : value;
	}

	/**
	 * Answers 204 at once; for each booking.created message, how long after its timestamp
	 * it arrived (microseconds).
	 */
	static final class Receiver implements AutoCloseable {

		final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();

		final AtomicInteger received = new AtomicInteger();

		private final HttpServer server;

		Receiver() throws IOException {
			server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.setExecutor(Executors.newFixedThreadPool(4, runnable -> {
				Thread thread = new Thread(runnable, "bench-receiver");
				thread.setDaemon(true);
				return thread;
			}));
			server.createContext("/", exchange -> {
				Instant arrived = Instant.now();
				String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
				received.incrementAndGet();
				Matcher timestamp = TIMESTAMP.matcher(body);
				if (exchange.getRequestHeaders().containsKey("webhook-id") && timestamp.find()
						&& body.contains("\"booking.created\"")) {
					latencies.add(Duration.between(Instant.parse(timestamp.group(1)), arrived).toNanos() / 1000);
				}
				exchange.sendResponseHeaders(204, -1);
				exchange.close();
			});
			server.start();
		}

		String url() {
			return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
		}

		@Override
		public void close() {
			server.stop(0);
		}

	}

}

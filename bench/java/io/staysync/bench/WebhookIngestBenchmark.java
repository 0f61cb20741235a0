package io.staysync.bench;

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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.DefaultSecurityFilterChain;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

import io.staysync.StaysyncApplication;
import io.staysync.channels.ChannelMode;
import io.staysync.channels.ChannelType;
import io.staysync.integrations.internal.IntegrationConfiguration;
import io.staysync.integrations.internal.IntegrationManagement;
import io.staysync.webhooks.internal.WebhookSignatures;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Signed webhook deliveries over real HTTP on PostgreSQL (verified, stored in the inbox,
 * answered 2xx) against a no-op endpoint of the same application measured in the same run:
 * {@code POST /bench/noop}, registered by this benchmark, takes the same body and headers
 * and answers 202 without doing anything; {@code GET /actuator/health} (public, one database
 * round trip) is shown for reference. The Airbnb integration is inactive, so deliveries are
 * stored but trigger no sync: what is measured is ingestion, not syncing. Run on purpose:
 *
 * <pre>
 * ./mvnw -q -Pbench test-compile exec:java -Dbench.main=io.staysync.bench.WebhookIngestBenchmark [-Dbench.threads=4 -Dbench.requests=3000 -Dbench.rounds=3]
 * </pre>
 */
public final class WebhookIngestBenchmark {

	static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

	private static final AtomicLong SEQUENCE = new AtomicLong();

	public static void main(String[] args) throws Exception {
		int threads = Integer.getInteger("bench.threads", 4);
		int requests = Integer.getInteger("bench.requests", 3000);
		int rounds = Integer.getInteger("bench.rounds", 3);
		String schema = "staysync_bench_" + UUID.randomUUID().toString().substring(0, 8);
		try (ConfigurableApplicationContext context = start(schema)) {
			context.getBean(IntegrationManagement.class)
				.configure(ChannelType.AIRBNB, new IntegrationConfiguration(null, null, SECRET, null, false, ChannelMode.API, 15));
			String base = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
			HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
			Target noop = id -> signed(URI.create(base + "/bench/noop"), id);
			Target webhook = id -> signed(URI.create(base + "/api/integrations/airbnb/webhook"), id);
			Target health = id -> HttpRequest.newBuilder(URI.create(base + "/actuator/health")).GET().build();

			for (Target warmup : List.of(noop, webhook, health)) {
				measure(http, warmup, threads, requests / 2);
			}
			List<Result> noops = new ArrayList<>();
			List<Result> webhooks = new ArrayList<>();
			List<Result> healths = new ArrayList<>();
			for (int round = 0; round < rounds; round++) {
				noops.add(measure(http, noop, threads, requests));
				webhooks.add(measure(http, webhook, threads, requests));
				healths.add(measure(http, health, threads, requests));
			}
			long stored = context.getBean(JdbcClient.class).sql("select count(*) from webhook_inbox").query(Long.class).single();
			long sent = (long) threads * (requests / 2 + (long) requests * rounds);

			Result baseline = Result.pooled(noops);
			System.out.printf("%nWebhook ingestion benchmark: PostgreSQL, %d client threads, %d rounds x %d requests%n",
					threads, rounds, threads * requests);
			System.out.printf("%-44s %10s %9s %9s %12s %12s%n", "case", "req/s", "p50 ms", "p99 ms",
					"x req/s", "x p99");
			row("no-op POST /bench/noop (baseline)", baseline, baseline);
			row("signed webhook: verify + store + 202", Result.pooled(webhooks), baseline);
			row("GET /actuator/health (reference)", Result.pooled(healths), baseline);
			System.out.printf("webhooks sent %d, stored %d, non-2xx answers %d, sync runs %d%n", sent, stored,
					Result.pooled(webhooks).failures(), context.getBean(JdbcClient.class)
						.sql("select count(*) from sync_runs").query(Long.class).single());
		}
		finally {
			dropSchema(schema);
		}
	}

	/** After the context is closed: its beans still read their tables while it closes. */
	private static void dropSchema(String schema) throws SQLException {
		try (Connection connection = DriverManager.getConnection(env("STAYSYNC_TEST_POSTGRES_URL",
				"jdbc:postgresql://127.0.0.1:5432/test"), env("STAYSYNC_TEST_POSTGRES_USER", "postgres"),
				env("STAYSYNC_TEST_POSTGRES_PASSWORD", ""))) {
			connection.createStatement().execute("drop schema if exists " + schema + " cascade");
		}
	}

	private static HttpRequest signed(URI uri, String id) {
		byte[] body = ("{\"type\":\"reservation.updated\",\"data\":{\"listing_id\":\"4711\",\"confirmation_code\":\"HM"
				+ id.substring(4, 12).toUpperCase() + "\",\"status\":\"accept\",\"start_date\":\"2027-03-01\","
				+ "\"end_date\":\"2027-03-05\",\"guests\":2}}").getBytes(StandardCharsets.UTF_8);
		long timestamp = Instant.now().getEpochSecond();
		return HttpRequest.newBuilder(uri)
			.header("Content-Type", "application/json")
			.header("webhook-id", id)
			.header("webhook-timestamp", Long.toString(timestamp))
			.header("webhook-signature", WebhookSignatures.sign(SECRET, id, timestamp, body))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
	}

	private static Result measure(HttpClient http, Target target, int threads, int requests) throws Exception {
		ExecutorService clients = Executors.newFixedThreadPool(threads);
		try {
			List<Callable<long[]>> work = new ArrayList<>();
			AtomicLong failures = new AtomicLong();
			for (int t = 0; t < threads; t++) {
				work.add(() -> {
					long[] latencies = new long[requests];
					for (int i = 0; i < requests; i++) {
						HttpRequest request = target.request("msg_" + UUID.randomUUID().toString().replace("-", "")
								+ SEQUENCE.incrementAndGet());
						long start = System.nanoTime();
						HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
						latencies[i] = System.nanoTime() - start;
						if (response.statusCode() / 100 != 2) {
							failures.incrementAndGet();
						}
					}
					return latencies;
				});
			}
			long start = System.nanoTime();
			List<long[]> perThread = new ArrayList<>();
			for (Future<long[]> done : clients.invokeAll(work)) {
				perThread.add(done.get());
			}
			long elapsed = System.nanoTime() - start;
			return new Result(perThread.stream().flatMapToLong(Arrays::stream).toArray(), elapsed, failures.get());
		}
		finally {
			clients.shutdown();
		}
	}

	private static ConfigurableApplicationContext start(String schema) {
		String url = env("STAYSYNC_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");
		return new SpringApplicationBuilder(StaysyncApplication.class)
			.web(WebApplicationType.SERVLET)
			.profiles("test")
			.initializers(WebhookIngestBenchmark::registerNoop)
			.run("--server.port=0", "--logging.level.root=WARN", "--spring.main.banner-mode=off",
					"--spring.datasource.url=" + url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema,
					"--spring.datasource.username=" + env("STAYSYNC_TEST_POSTGRES_USER", "postgres"),
					"--spring.datasource.password=" + env("STAYSYNC_TEST_POSTGRES_PASSWORD", ""),
					"--spring.flyway.schemas=" + schema);
	}

	/**
	 * The baseline: an endpoint of the same application, behind the same servlet filters, that
	 * reads nothing and stores nothing. Registered here (not component-scanned), so it exists
	 * only in the benchmark; a security chain of its own lets it through without a user.
	 */
	private static void registerNoop(ConfigurableApplicationContext context) {
		GenericApplicationContext generic = (GenericApplicationContext) context;
		generic.registerBean("benchNoopRoute", RouterFunction.class, () -> RouterFunctions.route()
			.POST("/bench/noop", request -> ServerResponse.accepted()
				.contentType(MediaType.APPLICATION_JSON)
				.body("{\"eventId\":\"" + request.headers().firstHeader("webhook-id") + "\",\"duplicate\":false}"))
			.build());
		generic.registerBean("benchNoopSecurity", SecurityFilterChain.class,
				() -> new OrderedChain(noopChain(generic.getBean(HttpSecurity.class))));
	}

	private static SecurityFilterChain noopChain(HttpSecurity http) {
		try {
			return http.securityMatcher("/bench/**")
				.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
				.csrf(csrf -> csrf.disable())
				.build();
		}
		catch (Exception unexpected) {
			throw new IllegalStateException(unexpected);
		}
	}

	/** Ahead of the application's own chains, which would ask for a user. */
	private record OrderedChain(SecurityFilterChain chain) implements SecurityFilterChain, Ordered {

		@Override
		public boolean matches(HttpServletRequest request) {
			return chain.matches(request);
		}

		@Override
		public List<Filter> getFilters() {
			return chain.getFilters();
		}

		@Override
		public int getOrder() {
			return 0;
		}

	}

	private static void row(String name, Result result, Result baseline) {
		System.out.printf("%-44s %10.0f %9.2f %9.2f %12.2f %12.2f%n", name, result.throughput(), result.percentile(50),
				result.percentile(99), baseline.throughput() / result.throughput(),
				result.percentile(99) / baseline.percentile(99));
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return value == null || value.isBlank() ? fallback : value;
	}

	interface Target {

		HttpRequest request(String id);

	}

	record Result(long[] latencies, long elapsedNanos, long failures) {

		static Result pooled(List<Result> rounds) {
			long elapsed = rounds.stream().mapToLong(Result::elapsedNanos).sum();
			long failures = rounds.stream().mapToLong(Result::failures).sum();
			return new Result(rounds.stream().flatMapToLong(round -> Arrays.stream(round.latencies())).toArray(), elapsed,
					failures);
		}

		double throughput() {
			return latencies.length / (elapsedNanos / 1e9);
		}

		double percentile(int p) {
			long[] sorted = latencies.clone();
			Arrays.sort(sorted);
			int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
			return sorted[Math.max(0, index)] / 1e6;
		}

	}

}

package io.staysync.bench;

import java.net.URI;
import java.net.URLEncoder;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.util.UriComponentsBuilder;

import com.jayway.jsonpath.JsonPath;

import io.staysync.StaysyncApplication;
import io.staysync.channels.OAuthTokenStore;
import io.staysync.channels.OAuthTokens;
import io.staysync.channels.sandbox.airbnb.AirbnbSandbox;
import io.staysync.channels.sandbox.airbnb.SandboxReservation;
import io.staysync.channels.sandbox.bookingcom.BookingComSandbox;

/**
 * Notification-to-push latency: how long from the Airbnb sandbox posting its notification
 * of a new reservation until the nights of that stay are closed on Booking.com, through
 * everything in between for real (the webhook route storing the notification, a webhook
 * run re-reading the reservation from the Airbnb sandbox over HTTP, the booking stored,
 * the event to the availability outbox, the drain, the push over HTTP accepted by the
 * Booking.com sandbox). Also, separately, until the push is enqueued in the outbox (its
 * transaction committed), which excludes the outbox's own pace.
 *
 * <p>
 * One property, mapped to an Airbnb listing (API mode, tokens issued by the sandbox's
 * consent and token endpoint) and a Booking.com room type (API mode). Reservations are
 * made one after another on separate nights, each waited for, so no push carries two.
 * Baseline in the same run, interleaved: the round trip of a bare notification
 * ({@code test_notification}, stored and answered, nothing to re-read) on the same route.
 *
 * <p>
 * The outbox's pace is a setting: by default a push waits {@code debounce} (5s) for more
 * changes, is drained every {@code drain-interval} (5s), by a scheduler polling every
 * {@code polling-interval} (10s). Those waits are there on purpose and would dominate the
 * figures, so this benchmark runs with {@code bench.debounce=0s}, {@code bench.drain=100ms}
 * and {@code bench.polling=100ms} unless told otherwise. Run on purpose:
 *
 * <pre>
 * ./mvnw -q -Pbench test-compile exec:java -Dbench.main=io.staysync.bench.AirbnbNotificationBenchmark [-Dbench.db=postgres -Dbench.reservations=200]
 * </pre>
 */
public final class AirbnbNotificationBenchmark {

	static final String CLIENT_ID = "staysync-bench-client";

	static final String HOTEL = "4410021";

	static final String ROOM_TYPE = "77120001";

	static final long LISTING = 51234567L;

	static final String ADMIN = "Basic " + Base64.getEncoder()
		.encodeToString("admin@test.staysync.io:Admin-Passw0rd-for-tests".getBytes(StandardCharsets.UTF_8));

	/** When each stay's first night was enqueued for Booking.com (commit), by check-in. */
	static final Map<LocalDate, Long> ENQUEUED = new ConcurrentHashMap<>();

	public static void main(String[] args) throws Exception {
		String db = System.getProperty("bench.db", "h2");
		int reservations = Integer.getInteger("bench.reservations", 200);
		int warmup = Integer.getInteger("bench.warmup", 20);
		Duration timeout = Duration.ofSeconds(60);
		String schema = "staysync_bench_" + UUID.randomUUID().toString().substring(0, 8);
		try (ConfigurableApplicationContext context = start(db, schema)) {
			String base = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
			HttpClient http = HttpClient.newBuilder()
				.connectTimeout(Duration.ofSeconds(5))
				.followRedirects(HttpClient.Redirect.NEVER)
				.build();
			AirbnbSandbox airbnb = context.getBean(AirbnbSandbox.class);
			BookingComSandbox bookingCom = context.getBean(BookingComSandbox.class);
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			setUp(http, base, airbnb, jdbc, context.getBean(OAuthTokenStore.class));

			long[] answered = new long[reservations];
			long[] enqueued = new long[reservations];
			long[] pushed = new long[reservations];
			long[] bare = new long[reservations];
			LocalDate first = LocalDate.now().plusDays(3);
			for (int i = -warmup; i < reservations; i++) {
				long bareStart = System.nanoTime();
				HttpResponse<String> answer = http.send(notification(base, "{\"action\":\"test_notification\",\"nonce\":\""
						+ UUID.randomUUID() + "\"}"), HttpResponse.BodyHandlers.ofString());
				long bareTime = System.nanoTime() - bareStart;
				require(answer.statusCode() == 200, "a bare notification answered " + answer.statusCode());

				int n = i + warmup;
				LocalDate checkIn = first.plusDays(3L * n);
				String code = "HMB" + String.format("%07d", n);
				long start = System.nanoTime();
				airbnb.book(SandboxReservation.accepted(code, LISTING, checkIn, checkIn.plusDays(2)));
				long answeredAt = System.nanoTime();
				AirbnbSandbox.Notification posted = airbnb.notifications().get(airbnb.notifications().size() - 1);
				require(Integer.valueOf(200).equals(posted.status()), "the notification of " + code + " was answered "
						+ posted.status() + " " + posted.problem());
				long deadline = start + timeout.toNanos();
				while (!closed(bookingCom, checkIn) && System.nanoTime() < deadline) {
					LockSupport.parkNanos(100_000);
				}
				long pushedAt = System.nanoTime();
				require(closed(bookingCom, checkIn), "the nights of " + code + " were not closed on Booking.com within "
						+ timeout.toSeconds() + " s");
				Long enqueuedAt = ENQUEUED.get(checkIn);
				require(enqueuedAt != null, "the push of " + code + " was never seen enqueued");
				if (i >= 0) {
					bare[i] = bareTime;
					answered[i] = answeredAt - start;
					enqueued[i] = enqueuedAt - start;
					pushed[i] = pushedAt - start;
				}
			}
			long bookings = jdbc.sql("select count(*) from bookings where source = 'AIRBNB' and status = 'CONFIRMED'")
				.query(Long.class)
				.single();
			long runs = jdbc.sql("select count(*) from sync_runs where trigger = 'webhook' and status = 'success'")
				.query(Long.class)
				.single();

			System.out.printf("%nAirbnb notification-to-push benchmark: %s, %d reservations one after another (after %d "
					+ "warm-up), debounce %s, drain %s, scheduler polling %s%n", db, reservations, warmup,
					System.getProperty("bench.debounce", "0s"), System.getProperty("bench.drain", "100ms"),
					System.getProperty("bench.polling", "100ms"));
			System.out.printf("%-62s %9s %9s %10s %10s%n", "case", "p50 ms", "p99 ms", "x p50", "x p99");
			row("bare notification answered by the webhook route (baseline)", bare, bare);
			row("reservation notification answered (stored, re-read asked)", answered, bare);
			row("notification to push enqueued in the outbox (committed)", enqueued, bare);
			row("notification to push accepted by the Booking.com sandbox", pushed, bare);
			System.out.printf("Airbnb bookings confirmed %d, successful webhook runs %d%n", bookings, runs);
		}
		finally {
			if ("postgres".equals(db)) {
				dropSchema(schema);
			}
		}
	}

	/** After the context is closed: its scheduler still reads its tables while it closes. */
	private static void dropSchema(String schema) throws SQLException {
		try (Connection connection = DriverManager.getConnection(
				env("STAYSYNC_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test"),
				env("STAYSYNC_TEST_POSTGRES_USER", "postgres"), env("STAYSYNC_TEST_POSTGRES_PASSWORD", ""))) {
			connection.createStatement().execute("drop schema if exists " + schema + " cascade");
		}
	}

	/**
	 * A property on both channels, in API mode: Airbnb connected with tokens its sandbox
	 * issued through the consent page and the token endpoint, Booking.com with its
	 * machine account.
	 */
	private static void setUp(HttpClient http, String base, AirbnbSandbox airbnb, JdbcClient jdbc,
			OAuthTokenStore store) throws Exception {
		String property = JsonPath.read(call(http, "POST", base + "/api/properties",
				"{\"name\":\"Bench Loft\",\"timeZone\":\"Europe/Lisbon\",\"maxGuests\":4}"), "$.id");
		call(http, "POST", base + "/api/integrations/airbnb/configure", "{\"mode\":\"api\",\"apiKey\":\"" + CLIENT_ID
				+ "\",\"apiSecret\":\"sandbox-secret\",\"settings\":{\"syncIntervalMinutes\":1440}}");
		call(http, "PUT", base + "/api/integrations/airbnb/mappings",
				"[{\"externalListingId\":\"" + LISTING + "\",\"propertyId\":\"" + property + "\"}]");
		call(http, "POST", base + "/api/integrations/booking_com/configure",
				"{\"mode\":\"api\",\"apiKey\":\"machine-account\",\"apiSecret\":\"sandbox-secret\"}");
		call(http, "PUT", base + "/api/integrations/booking_com/mappings",
				"[{\"externalListingId\":\"" + HOTEL + "-" + ROOM_TYPE + "\",\"propertyId\":\"" + property + "\"}]");

		String callback = "http://127.0.0.1/integrations/airbnb/oauth/callback";
		String consent = "client_id=" + CLIENT_ID + "&redirect_uri=" + URLEncoder.encode(callback, StandardCharsets.UTF_8)
				+ "&scope=&state=bench&decision=allow";
		HttpResponse<String> allowed = http.send(HttpRequest.newBuilder(URI.create(base + "/sandbox/airbnb/oauth2/auth"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(consent))
			.build(), HttpResponse.BodyHandlers.ofString());
		String code = UriComponentsBuilder.fromUriString(allowed.headers().firstValue("Location").orElseThrow())
			.build()
			.getQueryParams()
			.getFirst("code");
		HttpResponse<String> tokens = http.send(HttpRequest
			.newBuilder(URI.create(base + "/sandbox/airbnb/v2/oauth2/authorizations?_unwrapped=true"))
			.header("Content-Type", "application/json")
			.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((CLIENT_ID + ":sandbox-secret").getBytes(StandardCharsets.UTF_8)))
			.POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"" + code + "\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		require(tokens.statusCode() == 200, "the sandbox's token endpoint answered " + tokens.statusCode());
		UUID integration = jdbc.sql("select id from integrations where type = 'airbnb'").query(UUID.class).single();
		store.store(integration,
				new OAuthTokens(JsonPath.read(tokens.body(), "$.access_token"),
						JsonPath.read(tokens.body(), "$.refresh_token"),
						Instant.ofEpochSecond(((Number) JsonPath.read(tokens.body(), "$.expires_at")).longValue()),
						String.valueOf(airbnb.userId())));
		String test = call(http, "POST", base + "/api/integrations/airbnb/test", "");
		require(Boolean.TRUE.equals(JsonPath.read(test, "$.ok")), "the Airbnb connection test failed: " + test);
	}

	private static boolean closed(BookingComSandbox bookingCom, LocalDate checkIn) {
		return bookingCom.closed(HOTEL, ROOM_TYPE, checkIn).orElse(false)
				&& bookingCom.closed(HOTEL, ROOM_TYPE, checkIn.plusDays(1)).orElse(false);
	}

	private static HttpRequest notification(String base, String body) {
		return HttpRequest.newBuilder(URI.create(base + "/api/integrations/airbnb/webhook"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
	}

	private static String call(HttpClient http, String method, String url, String body) throws Exception {
		HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url))
			.header("Authorization", ADMIN)
			.header("Content-Type", "application/json")
			.method(method, HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		require(answer.statusCode() / 100 == 2, method + " " + url + " answered " + answer.statusCode() + ": "
				+ answer.body());
		return answer.body();
	}

	private static ConfigurableApplicationContext start(String db, String schema) {
		List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--logging.level.root=WARN",
				"--spring.main.banner-mode=off", "--staysync.http.allow-private-addresses=true",
				"--staysync.sandbox.airbnb.enabled=true", "--staysync.channels.airbnb.sandbox=true",
				"--staysync.sandbox.booking-com.enabled=true", "--staysync.channels.booking-com.sandbox=true",
				"--staysync.availability.debounce=" + System.getProperty("bench.debounce", "0s"),
				"--staysync.availability.drain-interval=" + System.getProperty("bench.drain", "100ms"),
				"--staysync.scheduler.polling-interval=" + System.getProperty("bench.polling", "100ms")));
		if ("postgres".equals(db)) {
			String url = env("STAYSYNC_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");
			arguments.addAll(List.of(
					"--spring.datasource.url=" + url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema,
					"--spring.datasource.username=" + env("STAYSYNC_TEST_POSTGRES_USER", "postgres"),
					"--spring.datasource.password=" + env("STAYSYNC_TEST_POSTGRES_PASSWORD", ""),
					"--spring.flyway.schemas=" + schema));
		}
		return new SpringApplicationBuilder(StaysyncApplication.class)
			.web(WebApplicationType.SERVLET)
			.profiles("test")
			.initializers(AirbnbNotificationBenchmark::timeEnqueues)
			.run(arguments.toArray(String[]::new));
	}

	/**
	 * Notes when each push is enqueued in the availability outbox, once the listener's
	 * transaction committed: the outbox's writer is wrapped (in this benchmark only), keyed
	 * by the first night enqueued, which is the stay's check-in.
	 */
	private static void timeEnqueues(ConfigurableApplicationContext context) {
		((GenericApplicationContext) context).registerBean("benchOutboxTimer", BeanPostProcessor.class,
				() -> new BeanPostProcessor() {

					@Override
					public Object postProcessAfterInitialization(Object bean, String name) {
						if (!bean.getClass().getName().equals("io.staysync.sync.internal.AvailabilityPushes")) {
							return bean;
						}
						ProxyFactory proxy = new ProxyFactory(bean);
						proxy.setProxyTargetClass(true);
						proxy.addAdvice((MethodInterceptor) invocation -> {
							Object result = invocation.proceed();
							if (invocation.getMethod().getName().equals("enqueue")) {
								LocalDate from = (LocalDate) invocation.getArguments()[2];
								if (TransactionSynchronizationManager.isSynchronizationActive()) {
									TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
										@Override
										public void afterCommit() {
											ENQUEUED.putIfAbsent(from, System.nanoTime());
										}
									});
								}
								else {
									ENQUEUED.putIfAbsent(from, System.nanoTime());
								}
							}
							return result;
						});
						return proxy.getProxy(bean.getClass().getClassLoader());
					}

				});
	}

	private static void row(String name, long[] nanos, long[] baseline) {
		double p50 = percentile(nanos, 50);
		double p99 = percentile(nanos, 99);
		System.out.printf("%-62s %9.2f %9.2f %10.1f %10.1f%n", name, p50, p99, p50 / percentile(baseline, 50),
				p99 / percentile(baseline, 99));
	}

	private static double percentile(long[] nanos, int p) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, index)] / 1e6;
	}

	private static void require(boolean condition, String problem) {
		if (!condition) {
			throw new IllegalStateException(problem);
		}
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return value == null || value.isBlank() ? fallback : value;
	}

}

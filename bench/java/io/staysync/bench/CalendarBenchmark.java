package io.staysync.bench;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.staysync.StaysyncApplication;
import io.staysync.bookings.internal.CalendarQuery;
import io.staysync.bookings.internal.NightGrid;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calendar of 500 properties × 365 nights with 50,000 bookings, against two baselines
 * measured in the same run: reading the same booking rows without building anything, and
 * the naive calendar that asks the database once per night. Run it on purpose:
 *
 * <pre>
 * ./mvnw -q -Pbench test-compile exec:java                          # embedded H2
 * ./mvnw -q -Pbench test-compile exec:java -Dbench.db=postgres      # STAYSYNC_TEST_POSTGRES_URL
 * </pre>
 */
public final class CalendarBenchmark {

	static final int PROPERTIES = 500;

	static final int BOOKINGS_PER_PROPERTY = 100;

	static final LocalDate FROM = LocalDate.of(2027, 1, 1);

	static final LocalDate TO = FROM.plusDays(365);

	public static void main(String[] args) {
		int iterations = Integer.getInteger("bench.iterations", 15);
		try (ConfigurableApplicationContext context = start(System.getProperty("bench.db", "h2"))) {
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			seed(context.getBean(JdbcTemplate.class));
			CalendarQuery calendar = context.getBean(CalendarQuery.class);
			JsonMapper json = context.getBean(JsonMapper.class);

			List<Result> results = List.of(
					measure("raw rows (baseline)", iterations, () -> readRows(jdbc)),
					measure("calendar query", iterations, () -> nights(calendar.calendar(FROM, TO, null,
							PageRequest.of(0, PROPERTIES)))),
					measure("calendar query + JSON", iterations, () -> json.writeValueAsBytes(
							calendar.calendar(FROM, TO, null, PageRequest.of(0, PROPERTIES)).map(NightGrid::nights)
								.getContent()).length),
					measure("naive: one query per night", Math.max(3, iterations / 5), () -> perNight(jdbc)));
			double baseline = results.get(0).medianMillis();
			System.out.printf("%nCalendar benchmark: %d properties x %d nights, %d bookings, db=%s, %d iterations%n",
					PROPERTIES, ChronoUnit.DAYS.between(FROM, TO), PROPERTIES * BOOKINGS_PER_PROPERTY,
					System.getProperty("bench.db", "h2"), iterations);
			System.out.printf("%-30s %12s %12s %10s%n", "case", "median ms", "min ms", "x baseline");
			for (Result result : results) {
				System.out.printf("%-30s %12.1f %12.1f %10.2f%n", result.name(), result.medianMillis(),
						result.minMillis(), result.medianMillis() / baseline);
			}
		}
	}

	private static ConfigurableApplicationContext start(String db) {
		SpringApplicationBuilder builder = new SpringApplicationBuilder(StaysyncApplication.class)
			.web(WebApplicationType.SERVLET)
			.profiles("test")
			.properties("logging.level.root=WARN", "spring.main.banner-mode=off");
		if ("postgres".equals(db)) {
			String url = env("STAYSYNC_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");
			String schema = "staysync_bench_" + UUID.randomUUID().toString().substring(0, 8);
			ConfigurableApplicationContext context = builder.run("--server.port=0",
					"--spring.datasource.url=" + url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema,
					"--spring.datasource.username=" + env("STAYSYNC_TEST_POSTGRES_USER", "postgres"),
					"--spring.datasource.password=" + env("STAYSYNC_TEST_POSTGRES_PASSWORD", ""),
					"--spring.flyway.schemas=" + schema);
			context.addApplicationListener(event -> {
				if (event instanceof org.springframework.context.event.ContextClosedEvent) {
					context.getBean(JdbcTemplate.class).execute("drop schema " + schema + " cascade");
				}
			});
			return context;
		}
		return builder.run("--server.port=0");
	}

	private static void seed(JdbcTemplate jdbc) {
		Random random = new Random(42);
		Timestamp now = Timestamp.from(Instant.now());
		List<Object[]> properties = new ArrayList<>();
		List<Object[]> bookings = new ArrayList<>();
		for (int p = 0; p < PROPERTIES; p++) {
			UUID property = UUID.randomUUID();
			properties.add(new Object[] { property, "Property %03d".formatted(p), "Europe/Lisbon", 4, now, now });
			LocalDate day = FROM.minusDays(2);
			for (int b = 0; b < BOOKINGS_PER_PROPERTY; b++) {
				day = day.plusDays(random.nextInt(2));
				LocalDate checkOut = day.plusDays(1 + random.nextInt(4));
				boolean block = random.nextInt(10) == 0;
				String source = block ? "AIRBNB" : List.of("AIRBNB", "BOOKING_COM", "ICAL", "MANUAL").get(random.nextInt(4));
				bookings.add(new Object[] { UUID.randomUUID(), property, block ? "BLOCK" : "RESERVATION",
						Date.valueOf(day), Date.valueOf(checkOut), source, now, now });
				day = checkOut;
			}
		}
		jdbc.batchUpdate("""
				insert into properties (id, name, time_zone, check_in_time, check_out_time, max_guests, created_at,
				    updated_at, version) values (?, ?, ?, time '15:00:00', time '11:00:00', ?, ?, ?, 0)""", properties);
		jdbc.batchUpdate("""
				insert into bookings (id, property_id, kind, status, check_in, check_out, source, created_at, updated_at,
				    version) values (?, ?, ?, 'CONFIRMED', ?, ?, ?, ?, ?, 0)""", bookings);
		jdbc.execute("analyze");
	}

	private static long readRows(JdbcClient jdbc) {
		AtomicLong rows = new AtomicLong();
		jdbc.sql("""
				select id, property_id, kind, source, check_in, check_out from bookings
				where status = 'CONFIRMED' and check_in < :to and check_out > :from order by check_in, id""")
			.param("from", FROM)
			.param("to", TO)
			.query(row -> {
				row.getObject("id", UUID.class);
				row.getObject("check_in", LocalDate.class);
				rows.incrementAndGet();
			});
		return rows.get();
	}

	private static long nights(Page<NightGrid> grids) {
		return grids.getContent().stream().mapToLong(grid -> grid.nights().size()).sum();
	}

	/** What the calendar would cost asked night by night: 365 queries. */
	private static long perNight(JdbcClient jdbc) {
		long cells = 0;
		for (LocalDate night = FROM; night.isBefore(TO); night = night.plusDays(1)) {
			List<Map<String, Object>> rows = jdbc.sql("""
					select id, property_id, kind, source from bookings
					where status = 'CONFIRMED' and check_in <= :night and check_out > :night""")
				.param("night", night)
				.query()
				.listOfRows();
			cells += rows.size();
		}
		return cells;
	}

	private static Result measure(String name, int iterations, LongSupplier work) {
		for (int i = 0; i < Math.max(2, iterations / 3); i++) {
			work.getAsLong();
		}
		double[] millis = new double[iterations];
		for (int i = 0; i < iterations; i++) {
			long start = System.nanoTime();
			work.getAsLong();
			millis[i] = (System.nanoTime() - start) / 1e6;
		}
		Arrays.sort(millis);
		return new Result(name, millis[iterations / 2], millis[0]);
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return value == null || value.isBlank() ? fallback : value;
	}

	private record Result(String name, double medianMillis, double minMillis) {
	}

}

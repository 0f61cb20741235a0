package io.staysync.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.staysync.StaysyncApplication;
import io.staysync.channels.ChannelMode;
import io.staysync.channels.ChannelType;
import io.staysync.integrations.internal.IntegrationConfiguration;
import io.staysync.integrations.internal.IntegrationManagement;
import io.staysync.integrations.internal.MappingManagement;
import io.staysync.properties.internal.PropertyDetails;
import io.staysync.properties.internal.PropertyManagement;
import io.staysync.sync.SyncTrigger;
import io.staysync.sync.internal.RecentSyncs;
import io.staysync.sync.internal.SyncLauncher;
import io.staysync.sync.internal.SyncRunView;
import io.staysync.test.FeedServer;

/**
 * Many mapped iCal listings kept fresh at an interval by the real scheduler, for several
 * intervals: are any listings late ({@code staysync.sync.listings.late}), how long does
 * each scheduled run take next to the interval, and what does it cost in CPU and memory.
 * Feeds are small (a few events each) and served from loopback by {@link FeedServer}
 * (the JDK server with {@code TCP_NODELAY}, so it does not stall ~45 ms per response)
 * with no validators, as Airbnb's do not send any: every feed is fetched every interval.
 * Between intervals a share of the feeds changes (an event moves, one is added). The first
 * sync (every calendar imported) is started by hand and reported on its own; the measured
 * window starts after it and lasts the given number of intervals, plus the end of the
 * last run under way.
 * <p>
 * Configurations ({@code -Dbench.config}): {@code h2} one instance on the embedded
 * database (a file, as {@code java -jar} runs it); {@code postgres} one instance on a
 * schema of its own in PostgreSQL; {@code cluster} three instances (application contexts
 * in this JVM, each with its own pools, scheduler, chunk poller and heartbeats) sharing
 * that schema. The cluster case first times one re-sync of every listing with one
 * instance (the baseline), then starts the other two. CPU and memory are the whole JVM's
 * (all three instances in the cluster case).
 *
 * <pre>
 * ./mvnw -q -Pbench test-compile exec:java -Dbench.main=io.staysync.bench.ScaleBenchmark -Dbench.config=h2 [-Dbench.listings=30000 -Dbench.interval=5 -Dbench.intervals=3 -Dbench.events=8 -Dbench.change=0.05 -Dbench.pool=10 -Dbench.late-grace=1m -Dbench.postgres=jdbc:postgresql://127.0.0.1:5432/test]
 * </pre>
 */
public final class ScaleBenchmark {

	private static final String POSTGRES = System.getProperty("bench.postgres", "jdbc:postgresql://127.0.0.1:5432/test");

	private static final String USER = System.getProperty("bench.postgres-user", "postgres");

	private static final String PASSWORD = System.getProperty("bench.postgres-password", "");

	public static void main(String[] args) throws Exception {
		String config = System.getProperty("bench.config", "h2");
		int listings = Integer.getInteger("bench.listings", 30_000);
		int intervalMinutes = Integer.getInteger("bench.interval", 5);
		int intervals = Integer.getInteger("bench.intervals", 3);
		int events = Integer.getInteger("bench.events", 8);
		double change = Double.parseDouble(System.getProperty("bench.change", "0.05"));
		String grace = System.getProperty("bench.late-grace", "1m");
		int pool = Integer.getInteger("bench.pool", 10);
		Duration interval = Duration.ofMinutes(intervalMinutes);
		String schema = "staysync_scale_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		Path h2 = Files.createTempDirectory("staysync-scale-");
		String url = switch (config) {
			case "h2" -> "jdbc:h2:file:" + h2.resolve("staysync")
					+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_ON_EXIT=FALSE";
			case "postgres", "cluster" -> POSTGRES + (POSTGRES.contains("?") ? "&" : "?") + "currentSchema=" + schema;
			default -> throw new IllegalArgumentException("bench.config is h2, postgres or cluster, not " + config);
		};
		boolean postgres = !config.equals("h2");
		if (postgres) {
			execute("create schema " + schema);
		}
		Sampler sampler = new Sampler();
		List<ConfigurableApplicationContext> instances = new ArrayList<>();
		List<String> report = new ArrayList<>();
		try (FeedServer feeds = new FeedServer()) {
			feeds.withoutValidators();
			instances.add(instance(url, schema, postgres, pool, grace));
			LocalDate start = LocalDate.now().plusDays(2);
			List<String> urls = new ArrayList<>();
			for (int f = 0; f < listings; f++) {
				feeds.serve("/feed/" + f + ".ics", feed(f, events, start, 0), "text/calendar");
				urls.add(feeds.url("/feed/" + f + ".ics"));
			}
			long mapping = System.nanoTime();
			map(instances.get(0), urls, intervalMinutes);
			report.add(String.format("mapping %,d listings (one property each): %,d ms", listings,
					(System.nanoTime() - mapping) / 1_000_000));
			sampler.start(instances.get(0));
			SyncRunView first = sync(instances.get(0));
			report.add(String.format("first sync, 1 instance (every calendar imported): %,d ms, %s, %,d created",
					first.durationMillis(), first.status(), first.bookingsCreated()));
			AtomicInteger version = new AtomicInteger();
			Runnable changeFeeds = () -> {
				int v = version.incrementAndGet();
				int every = (int) Math.max(1, Math.round(1 / Math.max(change, 1e-9)));
				for (int f = v % every; f < listings; f += every) {
					feeds.serve("/feed/" + f + ".ics", feed(f, events, start, v), "text/calendar");
				}
			};
			long baselineMillis = 0;
			if (config.equals("cluster")) {
				changeFeeds.run();
				SyncRunView alone = sync(instances.get(0));
				baselineMillis = alone.durationMillis();
				report.add(String.format("re-sync, 1 instance (baseline): %,d ms, %s, %,d updated, %,d unchanged",
						alone.durationMillis(), alone.status(), alone.bookingsUpdated(), alone.unchanged()));
				instances.add(instance(url, schema, postgres, pool, grace));
				instances.add(instance(url, schema, postgres, pool, grace));
			}
			// the window: scheduled runs only, feeds changing in the middle of each interval,
			// from the end of the first scheduled run (until then the listings were last
			// fetched by the first sync, whose start may be more than an interval ago)
			Instant warmUp = Instant.now();
			JdbcClient jdbc = instances.get(0).getBean(JdbcClient.class);
			while (jdbc.sql("select count(*) from sync_runs where trigger = 'scheduled' and completed_at is not null")
				.query(Long.class)
				.single() == 0) {
				Thread.sleep(500);
			}
			report.add(String.format("warm-up: %,d s until the first scheduled run ended; late listings at most %,d "
					+ "(the first sync's start was long ago), in %d of %d samples",
					Duration.between(warmUp, Instant.now()).toSeconds(), sampler.maxLate.get(),
					sampler.lateSamples.get(), sampler.samples.get()));
			ScheduledExecutorService changer = Executors.newSingleThreadScheduledExecutor();
			sampler.reset();
			Instant windowStart = Instant.now();
			long cpuStart = sampler.cpuNanos();
			changer.scheduleAtFixedRate(changeFeeds, interval.toMillis() / 2, interval.toMillis(),
					TimeUnit.MILLISECONDS);
			Thread.sleep(interval.multipliedBy(intervals).toMillis());
			changer.shutdownNow();
			// the last run under way ends before the figures are read
			while (jdbc.sql("select count(*) from sync_runs where status = 'running'").query(Long.class).single() > 0) {
				Thread.sleep(500);
			}
			Instant windowEnd = Instant.now();
			long cpu = sampler.cpuNanos() - cpuStart;
			sampler.stop();
			List<RunRow> runs = jdbc.sql("""
					select trigger, status, started_at, completed_at, bookings_created, bookings_updated,
					bookings_cancelled, unchanged, listings_total, listings_done from sync_runs
					where started_at >= :since order by started_at""")
				.param("since", java.sql.Timestamp.from(windowStart))
				.query((row, n) -> new RunRow(row.getString(1), row.getString(2),
						row.getTimestamp(3).toInstant(), row.getTimestamp(4).toInstant(), row.getInt(5),
						row.getInt(6), row.getInt(7), row.getInt(8), row.getInt(9), row.getInt(10)))
				.list();
			double windowSeconds = Duration.between(windowStart, windowEnd).toMillis() / 1000.0;
			System.out.printf("%nScale benchmark: config=%s, %,d listings x %d events, interval %d min x %d, "
					+ "%.0f%% of feeds changed per interval, late grace %s, pool %d per instance, %d instance(s), "
					+ "%d cores, load average at the end %.2f (%s)%n", config, listings, events, intervalMinutes,
					intervals, change * 100, grace, pool, instances.size(),
					Runtime.getRuntime().availableProcessors(),
					ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), Instant.now());
			report.forEach(System.out::println);
			System.out.printf("%-10s %-8s %-20s %10s %10s %9s %8s %10s %s%n", "trigger", "status", "started",
					"run ms", "x interval", "updated", "created", "unchanged", "listings done/total");
			long scheduledMillis = 0;
			int scheduled = 0;
			for (RunRow run : runs) {
				long millis = Duration.between(run.started(), run.completed()).toMillis();
				if (run.trigger().equals("scheduled")) {
					scheduledMillis += millis;
					scheduled++;
				}
				System.out.printf("%-10s %-8s %-20s %,10d %10.3f %,9d %,8d %,10d %,d/%,d%n", run.trigger(), run.status(),
						run.started().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), millis,
						(double) millis / interval.toMillis(), run.updated() + run.cancelled(), run.created(),
						run.unchanged(), run.done(), run.total());
			}
			System.out.printf("scheduled runs in the window: %d (expected %d)%n", scheduled, intervals);
			if (scheduled > 0 && baselineMillis > 0) {
				System.out.printf("speed-up of one run, %d instances over 1: %.2f (1 instance %,d ms, mean of %d "
						+ "scheduled runs %,d ms)%n", instances.size(), (double) baselineMillis * scheduled / scheduledMillis,
						baselineMillis, scheduled, scheduledMillis / scheduled);
			}
			System.out.printf("late listings (gauge, every %d s): max %d, samples above 0: %d of %d%n",
					Sampler.EVERY_SECONDS, sampler.maxLate.get(), sampler.lateSamples.get(), sampler.samples.get());
			System.out.printf("CPU over the window: %.1f s in %.1f s = %.2f cores busy on average (of %d)%n",
					cpu / 1e9, windowSeconds, cpu / 1e9 / windowSeconds, Runtime.getRuntime().availableProcessors());
			System.out.printf("memory: heap used after GC, peak %,d MB (max heap %,d MB); RSS peak sampled %,d MB, "
					+ "VmHWM %,d MB; GC time in the window %,d ms%n", sampler.maxHeapAfterGc.get() >> 20,
					Runtime.getRuntime().maxMemory() >> 20, sampler.maxRss.get() >> 10, Sampler.procKb("VmHWM") >> 10,
					sampler.gcMillis() - sampler.gcStart);
		}
		finally {
			sampler.stop();
			for (int i = instances.size() - 1; i >= 0; i--) {
				instances.get(i).close();
			}
			if (postgres) {
				execute("drop schema if exists " + schema + " cascade");
			}
			FileSystemUtils.deleteRecursively(h2);
		}
	}

	private static ConfigurableApplicationContext instance(String url, String schema, boolean postgres, int pool,
			String grace) {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--logging.level.root=WARN",
				"--spring.main.banner-mode=off", "--spring.datasource.url=" + url,
				"--spring.datasource.hikari.maximum-pool-size=" + pool, "--staysync.http.allow-private-addresses=true",
				// every feed is on one loopback host here, standing for many hosts
				"--staysync.sync.per-host-concurrency=" + Integer.getInteger("bench.per-host", 16),
				"--staysync.sync.listing-concurrency=" + Integer.getInteger("bench.concurrency", 16),
				"--staysync.sync.late-grace=" + grace));
		if (postgres) {
			args.addAll(List.of("--spring.datasource.username=" + USER, "--spring.datasource.password=" + PASSWORD,
					"--spring.flyway.schemas=" + schema, "--staysync.sync.chunk-poll-interval=1s"));
		}
		else {
			args.addAll(List.of("--spring.datasource.username=sa", "--spring.datasource.password="));
		}
		return new SpringApplicationBuilder(StaysyncApplication.class).web(WebApplicationType.SERVLET)
			.profiles("test")
			.run(args.toArray(String[]::new));
	}

	/**
	 * One property per listing, mapped; the integration activated at the interval only
	 * once every mapping is stored, so no scheduled run sees half of them.
	 */
	private static void map(ConfigurableApplicationContext context, List<String> urls, int intervalMinutes) {
		PropertyManagement properties = context.getBean(PropertyManagement.class);
		IntegrationManagement integrations = context.getBean(IntegrationManagement.class);
		integrations.configure(ChannelType.ICAL,
				new IntegrationConfiguration(null, null, null, null, false, ChannelMode.ICAL, intervalMinutes));
		MappingManagement management = context.getBean(MappingManagement.class);
		List<MappingManagement.MappingRequest> mappings = new ArrayList<>();
		for (int i = 0; i < urls.size(); i++) {
			UUID property = properties.create(new PropertyDetails("Scale " + i, "Europe/Lisbon", LocalTime.of(15, 0),
					LocalTime.of(11, 0), 4, null)).id();
			mappings.add(new MappingManagement.MappingRequest("listing-" + i, property, urls.get(i)));
			if (mappings.size() == 1000 || i == urls.size() - 1) {
				management.merge(ChannelType.ICAL, mappings);
				mappings.clear();
			}
		}
		integrations.configure(ChannelType.ICAL,
				new IntegrationConfiguration(null, null, null, null, true, ChannelMode.ICAL, intervalMinutes));
	}

	/** A manual run, once it has ended. */
	private static SyncRunView sync(ConfigurableApplicationContext context) throws InterruptedException {
		UUID run = context.getBean(SyncLauncher.class).start(ChannelType.ICAL, SyncTrigger.MANUAL, null).run().id();
		RecentSyncs history = context.getBean(RecentSyncs.class);
		SyncRunView view = history.get(run);
		while (view.completedAt() == null) {
			Thread.sleep(200);
			view = history.get(run);
		}
		return view;
	}

	/**
	 * A small feed: {@code events} stays, the last moved by a week per {@code version} and
	 * one more stay on odd versions.
	 */
	static String feed(int feed, int events, LocalDate start, int version) {
		DateTimeFormatter date = DateTimeFormatter.BASIC_ISO_DATE;
		StringBuilder ics = new StringBuilder("BEGIN:VCALENDAR\r\nPRODID:-//Bench//EN\r\nVERSION:2.0\r\n");
		LocalDate day = start.plusDays(feed % 7);
		int count = events + (version % 2);
		for (int e = 0; e < count; e++) {
			LocalDate from = e == events - 1 ? day.plusDays(7L * version) : day;
			LocalDate end = from.plusDays(1 + (e % 4));
			ics.append("BEGIN:VEVENT\r\nDTSTAMP:20261120T081502Z\r\nDTSTART;VALUE=DATE:").append(date.format(from))
				.append("\r\nDTEND;VALUE=DATE:").append(date.format(end))
				.append("\r\nSUMMARY:").append(e % 5 == 0 ? "Airbnb (Not available)" : "Reserved")
				.append("\r\nUID:scale-").append(feed).append('-').append(e).append("@airbnb.com\r\nEND:VEVENT\r\n");
			day = (e == events - 1 ? end.plusDays(7L * 20) : end.plusDays(3 + e % 2));
		}
		return ics.append("END:VCALENDAR\r\n").toString();
	}

	private record RunRow(String trigger, String status, Instant started, Instant completed, int created, int updated,
			int cancelled, int unchanged, int total, int done) {
	}

	/** Late listings, heap after GC and RSS, sampled on a thread of its own. */
	private static final class Sampler {

		static final int EVERY_SECONDS = 10;

		final AtomicLong maxHeapAfterGc = new AtomicLong();

		final AtomicLong maxRss = new AtomicLong();

		final AtomicLong maxLate = new AtomicLong();

		final AtomicInteger lateSamples = new AtomicInteger();

		final AtomicInteger samples = new AtomicInteger();

		long gcStart;

		private ScheduledExecutorService thread;

		void start(ConfigurableApplicationContext context) {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			thread = Executors.newSingleThreadScheduledExecutor();
			thread.scheduleWithFixedDelay(() -> {
				try {
					long heap = ManagementFactory.getMemoryPoolMXBeans()
						.stream()
						.filter(p -> p.getType() == MemoryType.HEAP && p.getCollectionUsage() != null)
						.mapToLong(p -> p.getCollectionUsage().getUsed())
						.sum();
					maxHeapAfterGc.accumulateAndGet(heap, Math::max);
					maxRss.accumulateAndGet(procKb("VmRSS"), Math::max);
					Gauge late = registry.find("staysync.sync.listings.late").tag("channel", "ical").gauge();
					long value = late == null ? -1 : (long) late.value();
					maxLate.accumulateAndGet(value, Math::max);
					samples.incrementAndGet();
					if (value > 0) {
						lateSamples.incrementAndGet();
					}
				}
				catch (RuntimeException ignored) {
					// a sample missed while a context closes
				}
			}, 0, EVERY_SECONDS, TimeUnit.SECONDS);
		}

		void reset() {
			maxHeapAfterGc.set(0);
			maxRss.set(0);
			maxLate.set(0);
			lateSamples.set(0);
			samples.set(0);
			gcStart = gcMillis();
		}

		long cpuNanos() {
			return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
				.getProcessCpuTime();
		}

		long gcMillis() {
			return ManagementFactory.getGarbageCollectorMXBeans()
				.stream()
				.mapToLong(GarbageCollectorMXBean::getCollectionTime)
				.sum();
		}

		void stop() {
			if (thread != null) {
				thread.shutdownNow();
			}
		}

		static long procKb(String field) {
			try {
				return Files.readAllLines(Path.of("/proc/self/status"))
					.stream()
					.filter(line -> line.startsWith(field + ":"))
					.map(line -> line.replaceAll("[^0-9]", ""))
					.mapToLong(Long::parseLong)
					.findFirst()
					.orElse(0);
			}
			catch (java.io.IOException unreadable) {
				return 0;
			}
		}

	}

	private static void execute(String sql) throws Exception {
		try (Connection connection = DriverManager.getConnection(POSTGRES, USER, PASSWORD)) {
			connection.createStatement().execute(sql);
		}
	}

}

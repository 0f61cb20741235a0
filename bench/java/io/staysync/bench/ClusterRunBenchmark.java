package io.staysync.bench;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.staysync.StaysyncApplication;
import io.staysync.channels.ChannelType;
import io.staysync.sync.SyncTrigger;
import io.staysync.sync.internal.RecentSyncs;
import io.staysync.sync.internal.SyncLauncher;
import io.staysync.sync.internal.SyncRunView;
import io.staysync.test.FeedServer;

/**
 * One big run shared by 1, 2 and 3 instances (application contexts in this JVM) on one
 * PostgreSQL schema: the same run of many mapped feeds, each answering after a fixed
 * latency, timed from start to end as each cluster size syncs it. A first sync with one
 * instance applies every calendar; the measured runs re-read the same feeds from a
 * server that sends no validators (every feed fetched; same bytes, so not applied again).
 * The contexts share the machine's cores: the speed-up shown is the one of a run bound by
 * its feeds' latency, which is what more instances add to. Run on purpose:
 *
 * <pre>
 * ./mvnw -q -Pbench test-compile exec:java -Dbench.main=io.staysync.bench.ClusterRunBenchmark [-Dbench.feeds=3000 -Dbench.events=10 -Dbench.latency-ms=20 -Dbench.chunk-size=250 -Dbench.postgres=jdbc:postgresql://127.0.0.1:5432/test]
 * </pre>
 */
public final class ClusterRunBenchmark {

	private static final String POSTGRES = System.getProperty("bench.postgres", "jdbc:postgresql://127.0.0.1:5432/test");

	public static void main(String[] args) throws Exception {
		int feedCount = Integer.getInteger("bench.feeds", 3000);
		int events = Integer.getInteger("bench.events", 10);
		int latency = Integer.getInteger("bench.latency-ms", 20);
		int chunkSize = Integer.getInteger("bench.chunk-size", 250);
		String schema = "staysync_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		execute("create schema " + schema);
		List<ConfigurableApplicationContext> instances = new ArrayList<>();
		try (FeedServer feeds = new FeedServer()) {
			feeds.slowDown(Duration.ofMillis(latency));
			instances.add(instance(schema, chunkSize));
			LocalDate start = LocalDate.now().plusDays(2);
			List<URI> urls = new ArrayList<>();
			for (int f = 0; f < feedCount; f++) {
				feeds.serve("/feed/" + f + ".ics", IcalSyncBenchmark.feed(f, events, start), "text/calendar");
				urls.add(URI.create(feeds.url("/feed/" + f + ".ics")));
			}
			IcalSyncBenchmark.map(instances.get(0), urls);
			SyncRunView first = sync(instances.get(0));
			feeds.withoutValidators();
			List<String> rows = new ArrayList<>();
			rows.add(row("first sync, 1 instance", first, first.durationMillis()));
			long baseline = 0;
			for (int size = 1; size <= 3; size++) {
				while (instances.size() < size) {
					instances.add(instance(schema, chunkSize));
				}
				SyncRunView run = sync(instances.get(0));
				baseline = size == 1 ? run.durationMillis() : baseline;
				rows.add(row("re-read, " + size + " instance" + (size > 1 ? "s" : ""), run, baseline));
			}
			System.out.printf("%nCluster run benchmark: %d feeds x %d events, %d ms latency per feed, chunk size %d, "
					+ "listing-concurrency 16 per chunk, PostgreSQL, %d cores, load average %.2f%n", feedCount, events,
					latency, chunkSize, Runtime.getRuntime().availableProcessors(),
					java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
			System.out.printf("%-28s %10s %16s  %s%n", "case", "run ms", "x 1 instance", "status");
			rows.forEach(System.out::println);
		}
		finally {
			for (int i = instances.size() - 1; i >= 0; i--) {
				instances.get(i).close();
			}
			execute("drop schema if exists " + schema + " cascade");
		}
	}

	private static ConfigurableApplicationContext instance(String schema, int chunkSize) {
		return new SpringApplicationBuilder(StaysyncApplication.class).web(WebApplicationType.SERVLET)
			.profiles("test")
			.run("--server.port=0", "--logging.level.root=WARN", "--spring.main.banner-mode=off",
					"--spring.datasource.url=" + POSTGRES + (POSTGRES.contains("?") ? "&" : "?") + "currentSchema="
							+ schema,
					"--spring.datasource.username=" + System.getProperty("bench.postgres-user", "postgres"),
					"--spring.datasource.password=" + System.getProperty("bench.postgres-password", ""),
					"--spring.flyway.schemas=" + schema, "--spring.datasource.hikari.maximum-pool-size=8",
					"--staysync.http.allow-private-addresses=true", "--staysync.sync.listing-concurrency=16",
					// every feed is on one loopback host here, standing for many hosts
					"--staysync.sync.per-host-concurrency=16", "--staysync.sync.chunk-size=" + chunkSize,
					"--staysync.sync.chunk-poll-interval=1s");
	}

	/** A manual run started on {@code context}, once it has ended. */
	private static SyncRunView sync(ConfigurableApplicationContext context) throws InterruptedException {
		UUID run = context.getBean(SyncLauncher.class).start(ChannelType.ICAL, SyncTrigger.MANUAL, null).run().id();
		RecentSyncs history = context.getBean(RecentSyncs.class);
		SyncRunView view = history.get(run);
		while (view.completedAt() == null) {
			Thread.sleep(50);
			view = history.get(run);
		}
		return view;
	}

	private static String row(String name, SyncRunView run, long baselineMillis) {
		return String.format("%-28s %10d %16.2f  %s (%d created, %d unchanged)", name, run.durationMillis(),
				(double) baselineMillis / run.durationMillis(), run.status(), run.bookingsCreated(), run.unchanged());
	}

	private static void execute(String sql) throws Exception {
		try (Connection connection = DriverManager.getConnection(POSTGRES,
				System.getProperty("bench.postgres-user", "postgres"),
				System.getProperty("bench.postgres-password", ""))) {
			connection.createStatement().execute(sql);
		}
	}

}

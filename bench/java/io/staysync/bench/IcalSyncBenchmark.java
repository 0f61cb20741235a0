package io.staysync.bench;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.staysync.StaysyncApplication;
import io.staysync.channels.ChannelMode;
import io.staysync.channels.ChannelType;
import io.staysync.integrations.internal.IntegrationConfiguration;
import io.staysync.integrations.internal.IntegrationManagement;
import io.staysync.integrations.internal.MappingManagement;
import io.staysync.properties.internal.PropertyDetails;
import io.staysync.properties.internal.PropertyManagement;
import io.staysync.sync.SyncTrigger;
import io.staysync.sync.internal.ListingOutcome;
import io.staysync.sync.internal.RecentSyncs;
import io.staysync.sync.internal.SyncLauncher;
import io.staysync.sync.internal.SyncRunView;
import io.staysync.test.FeedServer;
import net.fortuna.ical4j.data.CalendarBuilder;

/**
 * Full iCal syncs of many mapped feeds served by a local server, each against a floor
 * measured in the same run: the same feeds fetched and parsed with no Staysync code (the
 * JDK's HttpClient and ical4j's CalendarBuilder), as many at a time as a run fetches. The
 * cases: a first sync, a re-sync of unchanged feeds from a server that sends no ETag (the
 * whole calendar comes again), and a re-sync where every feed answers 304; the first sync
 * is also shown until every booking event it published was handled, and the re-syncs start
 * after that. Before them, a
 * probe shows the local server is not what is measured: one connection, one request after
 * another. Run on purpose:
 *
 * <pre>
 * ./mvnw -q -Pbench test-compile exec:java -Dbench.main=io.staysync.bench.IcalSyncBenchmark [-Dbench.feeds=1000 -Dbench.events=100 -Dbench.concurrency=16 -Dbench.sync-concurrency=16 -Dbench.pool=10]
 * </pre>
 */
public final class IcalSyncBenchmark {

	public static void main(String[] args) throws Exception {
		int feedCount = Integer.getInteger("bench.feeds", 1000);
		int events = Integer.getInteger("bench.events", 100);
		int concurrency = Integer.getInteger("bench.concurrency", 16);
		// the run's own, to compare with listings one after another (1)
		int syncConcurrency = Integer.getInteger("bench.sync-concurrency", concurrency);
		try (FeedServer feeds = new FeedServer();
				ConfigurableApplicationContext context = new SpringApplicationBuilder(StaysyncApplication.class)
					.web(WebApplicationType.SERVLET)
					.profiles("test")
					.run("--server.port=0", "--logging.level.root=WARN", "--spring.main.banner-mode=off",
							"--staysync.http.allow-private-addresses=true",
							"--staysync.sync.listing-concurrency=" + syncConcurrency,
							// every feed is on one loopback host here, standing for many hosts
							"--staysync.sync.per-host-concurrency=" + syncConcurrency,
							"--spring.datasource.hikari.maximum-pool-size=" + Integer.getInteger("bench.pool", 10))) {
			LocalDate start = LocalDate.now().plusDays(2);
			List<URI> urls = new ArrayList<>();
			for (int f = 0; f < feedCount; f++) {
				feeds.serve("/feed/" + f + ".ics", feed(f, events, start), "text/calendar");
				urls.add(URI.create(feeds.url("/feed/" + f + ".ics")));
			}
			map(context, urls);
			Floor floor = new Floor(concurrency);
			try {
				double perResponse = floor.sequentialMillisPerResponse(urls.subList(0, Math.min(200, feedCount)));
				floor.run(urls);
				long floorFirst = floor.run(urls);
				long firstStarted = System.nanoTime();
				SyncRunView first = sync(context);
				// what listens to booking events runs after each listing commits; the
				// re-syncs are measured once it has caught up, and the first sync is
				// shown with and without it
				long firstDrained = drained(context, firstStarted);

				feeds.withoutValidators();
				long floorUnchanged = floor.run(urls);
				SyncRunView unchanged = sync(context);

				feeds.withValidators();
				long floorNotModified = floor.run(urls);
				SyncRunView notModified = sync(context);

				System.out.printf("%niCal sync benchmark: %d feeds x %d events, floor %d at a time, sync %d at a time, "
						+ "db=h2 (in memory), %d cores, load average %.2f%n", feedCount, events, concurrency, syncConcurrency,
						Runtime.getRuntime().availableProcessors(),
						java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
				System.out.printf("feed server: %.2f ms per response, one connection, one request after another "
						+ "(a stalling server takes ~45 ms)%n", perResponse);
				System.out.printf("floor: %.2f ms per feed fetched and parsed, %d at a time%n",
						(double) floorFirst / feedCount, concurrency);
				System.out.printf("%-44s %10s %10s %8s %8s  %s%n", "case", "floor ms", "sync ms", "x floor", "target",
						"listings");
				row("first sync (" + first.bookingsCreated() + " created)", floorFirst, first, 3.0);
				System.out.printf("%-44s %10d %10d %8.2f %8s%n", "first sync, booking events all handled", floorFirst,
						firstDrained, (double) firstDrained / floorFirst, "");
				row("unchanged, no ETag (same bytes again)", floorUnchanged, unchanged, 1.5);
				row("unchanged, 304 everywhere", floorNotModified, notModified, 0.2);
			}
			finally {
				floor.close();
			}
		}
	}

	/** The same feeds fetched and parsed with no Staysync code. */
	static final class Floor implements AutoCloseable {

		private final ExecutorService threads;

		private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

		Floor(int concurrency) {
			this.threads = Executors.newFixedThreadPool(concurrency);
		}

		/** Wall time of fetching and parsing every feed, {@code concurrency} at a time. */
		long run(List<URI> urls) throws Exception {
			long start = System.nanoTime();
			List<Future<Integer>> parsed = new ArrayList<>();
			for (URI url : urls) {
				parsed.add(threads.submit(() -> fetchAndParse(url)));
			}
			int components = 0;
			for (Future<Integer> one : parsed) {
				components += one.get();
			}
			if (components == 0) {
				throw new IllegalStateException("the floor parsed nothing");
			}
			return (System.nanoTime() - start) / 1_000_000;
		}

		private int fetchAndParse(URI url) throws Exception {
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(url).build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new CalendarBuilder().build(new StringReader(response.body())).getComponents().size();
		}

		double sequentialMillisPerResponse(List<URI> urls) throws Exception {
			for (URI url : urls) {
				http.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.discarding());
			}
			long start = System.nanoTime();
			for (URI url : urls) {
				http.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.discarding());
			}
			return (System.nanoTime() - start) / 1e6 / urls.size();
		}

		@Override
		public void close() {
			threads.shutdownNow();
		}

	}

	static void map(ConfigurableApplicationContext context, List<URI> urls) {
		PropertyManagement properties = context.getBean(PropertyManagement.class);
		context.getBean(IntegrationManagement.class)
			.configure(ChannelType.ICAL, new IntegrationConfiguration(null, null, null, null, true, ChannelMode.ICAL, 15));
		List<MappingManagement.MappingRequest> mappings = new ArrayList<>();
		for (int i = 0; i < urls.size(); i++) {
			UUID property = properties.create(new PropertyDetails("Bench " + i, "Europe/Lisbon", LocalTime.of(15, 0),
					LocalTime.of(11, 0), 4, null)).id();
			mappings.add(new MappingManagement.MappingRequest("feed-" + i, property, urls.get(i).toString()));
		}
		MappingManagement management = context.getBean(MappingManagement.class);
		for (int from = 0; from < mappings.size(); from += 500) {
			management.merge(ChannelType.ICAL, mappings.subList(from, Math.min(mappings.size(), from + 500)));
		}
	}

	/**
	 * Milliseconds from {@code startedNanos} until no event publication is left
	 * incomplete.
	 */
	private static long drained(ConfigurableApplicationContext context, long startedNanos) throws InterruptedException {
		JdbcClient jdbc = context.getBean(JdbcClient.class);
		while (jdbc.sql("select count(*) from event_publication where completion_date is null")
			.query(Long.class)
			.single() > 0) {
			Thread.sleep(50);
		}
		return (System.nanoTime() - startedNanos) / 1_000_000;
	}

	/** A manual run, once it has ended. */
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

	static String feed(int feed, int events, LocalDate start) {
		DateTimeFormatter date = DateTimeFormatter.BASIC_ISO_DATE;
		StringBuilder ics = new StringBuilder("BEGIN:VCALENDAR\r\nPRODID:-//Bench//EN\r\nVERSION:2.0\r\n");
		LocalDate day = start;
		for (int e = 0; e < events; e++) {
			LocalDate end = day.plusDays(1 + (e % 4));
			ics.append("BEGIN:VEVENT\r\nDTSTAMP:20261120T081502Z\r\nDTSTART;VALUE=DATE:").append(date.format(day))
				.append("\r\nDTEND;VALUE=DATE:").append(date.format(end))
				.append("\r\nSUMMARY:").append(e % 5 == 0 ? "Airbnb (Not available)" : "Reserved")
				.append("\r\nUID:bench-").append(feed).append('-').append(e).append("@airbnb.com\r\nEND:VEVENT\r\n");
			day = end.plusDays(e % 2);
		}
		return ics.append("END:VCALENDAR\r\n").toString();
	}

	private static void row(String name, long floorMillis, SyncRunView run, double target) {
		Map<Object, Long> statuses = run.listings()
			.stream()
			.collect(Collectors.groupingBy(ListingOutcome::status, java.util.TreeMap::new, Collectors.counting()));
		long millis = run.durationMillis();
		System.out.printf("%-44s %10d %10d %8.2f %8s  %s %s%n", name, floorMillis, millis,
				(double) millis / floorMillis, "<= " + target, run.status(), statuses);
	}

}

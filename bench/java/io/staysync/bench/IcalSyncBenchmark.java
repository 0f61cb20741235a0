package io.staysync.bench;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import io.staysync.StaysyncApplication;
import io.staysync.channels.ChannelMode;
import io.staysync.channels.ChannelType;
import io.staysync.channels.ical.IcalFeedParser;
import io.staysync.channels.ical.ParseOptions;
import io.staysync.common.http.Conditional;
import io.staysync.common.http.GuardedHttpClient;
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
 * A full iCal sync of many mapped feeds served by a local server, against baselines measured
 * in the same run: only fetching the feeds, and fetching and parsing them. Then the same
 * sync again, when every feed answers 304. Run on purpose:
 *
 * <pre>
 * ./mvnw -q -Pbench test-compile exec:java -Dbench.main=io.staysync.bench.IcalSyncBenchmark [-Dbench.feeds=1000 -Dbench.events=100]
 * </pre>
 */
public final class IcalSyncBenchmark {

	public static void main(String[] args) throws Exception {
		int feedCount = Integer.getInteger("bench.feeds", 1000);
		int events = Integer.getInteger("bench.events", 100);
		try (FeedServer feeds = new FeedServer();
				ConfigurableApplicationContext context = new SpringApplicationBuilder(StaysyncApplication.class)
					.web(WebApplicationType.SERVLET)
					.profiles("test")
					.run("--server.port=0", "--logging.level.root=WARN", "--spring.main.banner-mode=off",
							"--staysync.http.allow-private-addresses=true")) {
			LocalDate start = LocalDate.now().plusDays(2);
			List<URI> urls = new ArrayList<>();
			for (int f = 0; f < feedCount; f++) {
				feeds.serve("/feed/" + f + ".ics", feed(f, events, start), "text/calendar");
				urls.add(URI.create(feeds.url("/feed/" + f + ".ics")));
			}
			map(context, urls);
			GuardedHttpClient http = context.getBean(GuardedHttpClient.class);
			IcalFeedParser parser = new IcalFeedParser();
			ParseOptions options = new ParseOptions(ZoneId.of("Europe/Lisbon"), LocalDate.now().minusDays(60),
					LocalDate.now().plusDays(730), false);

			long fetchOnly = time(() -> {
				for (URI url : urls) {
					http.get(url, Conditional.none());
				}
			});
			long fetchAndParse = time(() -> {
				for (URI url : urls) {
					var response = http.get(url, Conditional.none());
					parser.parse(response.body(), response.contentType(), options);
				}
			});
			SyncRunView first = sync(context);
			SyncRunView second = sync(context);

			System.out.printf("%niCal sync benchmark: %d feeds x %d events, db=h2 (in memory)%n", feedCount, events);
			System.out.printf("%-36s %10s %12s%n", "case", "ms", "x baseline");
			row("fetch only (baseline)", fetchOnly, fetchOnly);
			row("fetch + parse", fetchAndParse, fetchOnly);
			row("full sync, first (" + first.bookingsCreated() + " created)", first.durationMillis(), fetchOnly);
			row("full sync, unchanged (304s)", second.durationMillis(), fetchOnly);
			System.out.printf("first run %s, second run %s%n", first.status(), second.status());
		}
	}

	private static void map(ConfigurableApplicationContext context, List<URI> urls) {
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

	private static void row(String name, long millis, long baseline) {
		System.out.printf("%-36s %10d %12.2f%n", name, millis, (double) millis / baseline);
	}

	private static long time(Work work) throws Exception {
		long start = System.nanoTime();
		work.run();
		return (System.nanoTime() - start) / 1_000_000;
	}

	interface Work {

		void run() throws Exception;

	}

}

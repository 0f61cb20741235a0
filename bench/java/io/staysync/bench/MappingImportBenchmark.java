package io.staysync.bench;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import io.staysync.StaysyncApplication;
import io.staysync.channels.ChannelMode;
import io.staysync.channels.ChannelType;
import io.staysync.integrations.internal.ImportReport;
import io.staysync.integrations.internal.IntegrationConfiguration;
import io.staysync.integrations.internal.IntegrationManagement;
import io.staysync.integrations.internal.MappingImport;
import io.staysync.integrations.internal.MappingSearch;
import io.staysync.properties.internal.PropertyDetails;
import io.staysync.properties.internal.PropertyManagement;

/**
 * Importing an iCal integration's mappings from CSV (30,000 rows by default: listing id,
 * property id, feed URL), in process on the embedded database, next to a floor measured in
 * the same run: parsing the same file with Commons CSV and inserting its rows with one
 * plain JDBC batch into a table of the same shape, with no checks, no sealed feed URL and
 * no audit. Then the same file again (every row unchanged), a dry run of a file that moves
 * every listing to another property, and a search over the whole set.
 *
 * <pre>
 * ./mvnw -q -Pbench test-compile exec:java -Dbench.main=io.staysync.bench.MappingImportBenchmark [-Dbench.rows=30000]
 * </pre>
 */
public final class MappingImportBenchmark {

	public static void main(String[] args) throws Exception {
		int rows = Integer.getInteger("bench.rows", 30_000);
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(StaysyncApplication.class)
			.web(WebApplicationType.SERVLET)
			.profiles("test")
			.run("--server.port=0", "--logging.level.root=WARN", "--spring.main.banner-mode=off", "--staysync.scheduler.enabled=false",
					"--staysync.mappings.import-max-rows=" + rows)) {
			PropertyManagement properties = context.getBean(PropertyManagement.class);
			List<UUID> ids = new ArrayList<>();
			for (int p = 0; p < 100; p++) {
				ids.add(properties.create(new PropertyDetails("Bench property " + p, "Europe/Lisbon",
						LocalTime.of(15, 0), LocalTime.of(11, 0), 4, null)).id());
			}
			context.getBean(IntegrationManagement.class)
				.configure(ChannelType.ICAL, new IntegrationConfiguration(null, null, null, null, true, ChannelMode.ICAL, 15));
			byte[] csv = csv(rows, ids, 0);
			byte[] moved = csv(rows, ids, 1);
			MappingImport imports = context.getBean(MappingImport.class);
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);

			long floor = time(() -> floor(jdbc, csv));
			long[] first = new long[1];
			ImportReport created = timed(() -> imports.run(ChannelType.ICAL, csv, false), first);
			long[] again = new long[1];
			ImportReport unchanged = timed(() -> imports.run(ChannelType.ICAL, csv, false), again);
			long[] dry = new long[1];
			ImportReport dryRun = timed(() -> imports.run(ChannelType.ICAL, moved, true), dry);
			MappingSearch search = context.getBean(MappingSearch.class);
			long searched = time(() -> search.page(ChannelType.ICAL, "host-7.example", 100, 50));

			System.out.printf("%nCSV mapping import benchmark: %d rows, %d bytes, db=h2 (in memory)%n", rows,
					csv.length);
			System.out.printf("%-52s %10s %12s%n", "case", "ms", "x floor");
			row("floor: Commons CSV parse + one JDBC batch insert", floor, floor);
			row("import, every row new (" + created.created() + " created)", first[0], floor);
			row("same file again (" + unchanged.unchanged() + " unchanged)", again[0], floor);
			row("dry run, every listing moved (" + dryRun.updated() + " updated)", dry[0], floor);
			row("search page 101 of one host's listings", searched, floor);
		}
	}

	private static byte[] csv(int rows, List<UUID> properties, int shift) {
		StringBuilder csv = new StringBuilder("listing id,property,feed url\r\n");
		for (int i = 0; i < rows; i++) {
			csv.append("listing-")
				.append(i)
				.append(',')
				.append(properties.get((i + shift) % properties.size()))
				.append(",https://host-")
				.append(i % 10)
				.append(".example/calendars/")
				.append(i)
				.append(".ics?token=")
				.append(Integer.toHexString(i * 7919))
				.append("\r\n");
		}
		return csv.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static void floor(JdbcTemplate jdbc, byte[] csv) {
		jdbc.execute("create table bench_mappings (id uuid primary key, external_listing_id varchar(255),"
				+ " property_id uuid, import_url varchar(8000), created_at timestamp with time zone)");
		try (CSVParser parser = CSVParser.builder()
			.setReader(new StringReader(new String(csv, StandardCharsets.UTF_8)))
			.setFormat(CSVFormat.DEFAULT.builder().setSkipHeaderRecord(true).setHeader().get())
			.get()) {
			List<Object[]> batch = new ArrayList<>();
			Timestamp now = Timestamp.from(Instant.now());
			for (CSVRecord record : parser) {
				batch.add(new Object[] { UUID.randomUUID(), record.get(0), UUID.fromString(record.get(1)),
						record.get(2), now });
			}
			jdbc.batchUpdate("insert into bench_mappings values (?, ?, ?, ?, ?)", batch);
		}
		catch (java.io.IOException unreadable) {
			throw new IllegalStateException(unreadable);
		}
		finally {
			jdbc.execute("drop table bench_mappings");
		}
	}

	private static <T> T timed(java.util.function.Supplier<T> work, long[] millis) {
		long start = System.nanoTime();
		T result = work.get();
		millis[0] = (System.nanoTime() - start) / 1_000_000;
		return result;
	}

	private static long time(Runnable work) {
		long start = System.nanoTime();
		work.run();
		return (System.nanoTime() - start) / 1_000_000;
	}

	private static void row(String name, long millis, long floor) {
		System.out.printf("%-52s %10d %12.1f%n", name, millis, millis / (double) Math.max(1, floor));
	}

}

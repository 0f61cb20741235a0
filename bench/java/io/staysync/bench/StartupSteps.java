package io.staysync.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.metrics.StartupStep;

import io.staysync.StaysyncApplication;

/**
 * Where a start spends its time: starts the application once, in process, on a fresh
 * embedded database, with Spring's {@link BufferingApplicationStartup}, and prints the
 * slowest steps (bean instantiations, configuration processing, context refresh phases)
 * with their own time and what they were. Steps nest: a bean's time includes the beans it
 * needed. A first look, not a benchmark: run {@link StartupBenchmark} for the figures.
 *
 * <pre>
 * ./mvnw -q -Pbench test-compile exec:java -Dbench.main=io.staysync.bench.StartupSteps -Dbench.top=25
 * </pre>
 */
public final class StartupSteps {

	public static void main(String[] args) throws Exception {
		Path home = Files.createTempDirectory("staysync-steps-");
		System.setProperty("user.home", home.toString());
		BufferingApplicationStartup startup = new BufferingApplicationStartup(100_000);
		SpringApplication application = new SpringApplication(StaysyncApplication.class);
		application.setApplicationStartup(startup);
		long started = System.nanoTime();
		try (ConfigurableApplicationContext context = application.run("--server.port=0",
				"--spring.datasource.url=jdbc:h2:file:" + home.resolve("data/staysync")
						+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_ON_EXIT=FALSE",
				"--spring.datasource.hikari.maximum-pool-size=3")) {
			System.out.printf("context ready after %d ms (in process, classes already on the class path)%n",
					Duration.ofNanos(System.nanoTime() - started).toMillis());
			StartupTimeline timeline = startup.getBufferedTimeline();
			List<StartupTimeline.TimelineEvent> slowest = timeline.getEvents()
				.stream()
				.sorted(Comparator.comparing(StartupTimeline.TimelineEvent::getDuration).reversed())
				.limit(Integer.getInteger("bench.top", 25))
				.toList();
			for (StartupTimeline.TimelineEvent event : slowest) {
				System.out.printf("%7d ms  %-40s %s%n", event.getDuration().toMillis(), event.getStartupStep().getName(),
						describe(event.getStartupStep()));
			}
		}
	}

	private static String describe(StartupStep step) {
		StringBuilder tags = new StringBuilder();
		for (StartupStep.Tag tag : step.getTags()) {
			tags.append(tag.getKey()).append('=').append(tag.getValue()).append(' ');
		}
		String text = tags.toString().trim();
		return text.length() > 110 ? text.substring(0, 110) + "…" : text;
	}

}

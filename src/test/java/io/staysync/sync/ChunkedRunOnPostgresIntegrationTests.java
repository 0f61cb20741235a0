package io.staysync.sync;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;

import io.micrometer.core.instrument.MeterRegistry;
import io.staysync.StaysyncApplication;
import io.staysync.test.OnPostgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The chunked run on PostgreSQL, and shared by two instances on one schema (the test's
 * context and a second application context beside it): both instances complete chunks,
 * every listing is synced and recorded once, and the run ends once with the totals of all
 * chunks.
 */
@OnPostgres
class ChunkedRunOnPostgresIntegrationTests extends ChunkedRunIntegrationTests {

	static ConfigurableApplicationContext second;

	@Autowired
	Environment environment;

	@Override
	double chunksCompleted() {
		return super.chunksCompleted() + (second == null ? 0 : completed(second.getBean(MeterRegistry.class)));
	}

	@AfterAll
	static void stopSecondInstance() {
		if (second != null) {
			second.close();
			second = null;
		}
	}

	@Test
	void twoInstancesShareTheChunksOfOneRunAndItEndsOnce() throws Exception {
		startSecondInstance();
		double firstBefore = completed(registry);
		double secondBefore = completed(second.getBean(MeterRegistry.class));
		resetChannels();
		List<String> listings = listings("shared", 60);
		Map<String, String> properties = connect(listings);

		String run = syncAndWait();

		String body = mvc.perform(asAdmin(get("/api/syncs/" + run))).andReturn().getResponse().getContentAsString();
		double byFirst = completed(registry) - firstBefore;
		double bySecond = completed(second.getBean(MeterRegistry.class)) - secondBefore;
		assertThat(byFirst).as("chunks completed by the instance that started the run").isPositive();
		assertThat(bySecond).as("chunks completed by the other instance").isPositive();
		assertThat(byFirst + bySecond).isEqualTo(6);
		assertEndedOnceWithEveryListing(run, body, listings, properties);
	}

	private void startSecondInstance() {
		if (second != null) {
			return;
		}
		Map<String, Object> settings = Map.ofEntries(
				Map.entry("spring.datasource.url", environment.getProperty("spring.datasource.url")),
				Map.entry("spring.datasource.username", environment.getProperty("spring.datasource.username")),
				Map.entry("spring.datasource.password", environment.getProperty("spring.datasource.password", "")),
				Map.entry("spring.flyway.schemas", environment.getProperty("spring.flyway.schemas")),
				Map.entry("spring.datasource.hikari.maximum-pool-size", "5"), Map.entry("server.port", "0"),
				Map.entry("staysync.scheduler.enabled", "false"),
				Map.entry("staysync.http.allow-private-addresses", "true"), Map.entry("staysync.sync.chunk-size", "10"),
				Map.entry("staysync.sync.chunk-poll-interval", "200ms"),
				Map.entry("staysync.sync.listing-concurrency", "2"),
				Map.entry("staysync.sync.per-host-concurrency", "2"));
		second = new SpringApplicationBuilder(StaysyncApplication.class).profiles("test").initializers(application -> {
			application.getBeanFactory()
				.registerSingleton("leaveOutTestConfigurations", new CrashingInstance.LeaveOutTestConfigurations());
			// above application-test.properties, as the test's own context has them
			application.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("second-instance", settings));
		}).run();
	}

}

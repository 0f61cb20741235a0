package io.staysync.sync.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.staysync.channels.ChannelType;
import io.staysync.integrations.ChannelAccounts;
import io.staysync.sync.SyncStatus;

/**
 * Sync metrics on {@code /actuator/prometheus}, per channel type: runs by outcome, run
 * durations, bookings by change, the age of the last successful run, which is what an
 * operator alerts on ("Airbnb has not synced for an hour"), how many listings are late
 * ({@link LateListings}), and whether the circuit is open (scheduled syncs paused by
 * {@link FailingChannelBreaker}). Retries are counted where they happen, by the fetcher
 * ({@code staysync.channel.retries}).
 */
@Component
class SyncMetrics {

	private final MeterRegistry registry;

	private final JdbcClient jdbc;

	private final ChannelAccounts accounts;

	private final Clock clock;

	private final FailingChannelBreaker breaker;

	private final LateListings late;

	SyncMetrics(MeterRegistry registry, JdbcClient jdbc, ChannelAccounts accounts, Clock clock,
			FailingChannelBreaker breaker, LateListings late) {
		this.breaker = breaker;
		this.late = late;
		this.registry = registry;
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.clock = clock;
	}

	void recordRun(ChannelType type, SyncRun run) {
		late.forget(type);
		String channel = type.path();
		Counter.builder("staysync.sync.runs")
			.description("Sync runs by channel, trigger and outcome")
			.tags("channel", channel, "trigger", run.trigger().json(), "status", run.status().json())
			.register(registry)
			.increment();
		if (run.completedAt() != null) {
			Timer.builder("staysync.sync.run.duration")
				.description("How long sync runs take")
				.tags("channel", channel, "status", run.status().json())
				.register(registry)
				.record(Duration.between(run.startedAt(), run.completedAt()));
		}
		count(channel, "created", run.created());
		count(channel, "updated", run.updated());
		count(channel, "cancelled", run.cancelled());
		count(channel, "unchanged", run.unchanged());
		count(channel, "conflicts", run.conflicts());
	}

	private void count(String channel, String change, int amount) {
		Counter.builder("staysync.sync.bookings")
			.description("Bookings applied by sync runs, by change")
			.tags("channel", channel, "change", change)
			.register(registry)
			.increment(amount);
	}

	@EventListener(ApplicationReadyEvent.class)
	void registerAges() {
		for (ChannelType type : ChannelType.values()) {
			Gauge.builder("staysync.sync.last.success.age", () -> lastSuccessAgeSeconds(type))
				.description("Seconds since the last sync run that reached the channel and ended success or partial; "
						+ "NaN when there was none")
				.tags("channel", type.path())
				.baseUnit("seconds")
				.register(registry);
			Gauge.builder("staysync.sync.listings.late", () -> late.lateListings(type))
				.description("Mapped listings of the channel not synced within its interval plus "
						+ "staysync.sync.late-grace")
				.tags("channel", type.path())
				.register(registry);
			Gauge.builder("staysync.sync.circuit.open", () -> circuitOpen(type))
				.description("1 while scheduled syncs of the channel are paused after repeated failures, else 0")
				.tags("channel", type.path())
				.register(registry);
		}
	}

	private double circuitOpen(ChannelType type) {
		return accounts.find(type).flatMap(account -> breaker.pausedUntil(account.id())).isPresent() ? 1 : 0;
	}

	private double lastSuccessAgeSeconds(ChannelType type) {
		return accounts.find(type)
			.map(account -> jdbc.sql("""
					select max(completed_at) from sync_runs
					where integration_id = :integration and status in (:ended)""")
				.param("ended", List.of(SyncStatus.SUCCESS.stored(), SyncStatus.PARTIAL.stored()))
				.param("integration", account.id())
				.query(Timestamp.class)
				.list()
				.stream()
				.filter(Objects::nonNull)
				.findFirst()
				.map(at -> (double) Duration.between(at.toInstant(), clock.instant()).toSeconds())
				.orElse(Double.NaN))
			.orElse(Double.NaN);
	}

}

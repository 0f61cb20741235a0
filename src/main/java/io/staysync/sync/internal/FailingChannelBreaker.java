package io.staysync.sync.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.staysync.sync.SyncStatus;

/**
 * A circuit breaker per integration, read from the run history so that every instance of
 * a cluster agrees: after 5 runs in a row that ended in error, scheduled runs pause for
 * 30 minutes from the last one. A manual or webhook run still goes through and, if it
 * works, closes the circuit.
 */
@Component
class FailingChannelBreaker {

	static final int FAILURES_TO_OPEN = 5;

	static final Duration PAUSE = Duration.ofMinutes(30);

	private final JdbcClient jdbc;

	private final Clock clock;

	FailingChannelBreaker(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * @return until when scheduled runs are paused, if they are
	 */
	Optional<Instant> pausedUntil(UUID integrationId) {
		List<Outcome> recent = jdbc.sql("""
				select status = :error as failed, completed_at from sync_runs
				where integration_id = :integration and status <> :running
				order by started_at desc limit :limit""")
			.param("error", SyncStatus.ERROR.stored())
			.param("running", SyncStatus.RUNNING.stored())
			.param("integration", integrationId)
			.param("limit", FAILURES_TO_OPEN)
			.query((row, n) -> new Outcome(row.getBoolean("failed"), row.getTimestamp("completed_at")))
			.list();
		if (recent.size() < FAILURES_TO_OPEN || recent.stream().anyMatch(outcome -> !outcome.failed())
				|| recent.get(0).completedAt() == null) {
			return Optional.empty();
		}
		Instant until = recent.get(0).completedAt().toInstant().plus(PAUSE);
		return until.isAfter(clock.instant()) ? Optional.of(until) : Optional.empty();
	}

	private record Outcome(boolean failed, Timestamp completedAt) {
	}

}

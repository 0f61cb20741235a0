package io.staysync.sync.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.staysync.integrations.SyncRecovery;
import io.staysync.sync.SyncStatus;

/**
 * Whether a running sync still shows signs of life, for whoever watches it: a run whose
 * heartbeat is late (two beats missed) is most likely carried by an instance that
 * stopped, and the console says it is recovering from a stopped instance until the run is
 * closed as abandoned and its integration can sync again.
 */
@Component
public class RunLiveness implements SyncRecovery {

	private final JdbcClient jdbc;

	private final Duration late;

	private final Duration staleAfter;

	RunLiveness(JdbcClient jdbc, SyncSettings settings) {
		this.jdbc = jdbc;
		this.late = settings.heartbeatInterval().multipliedBy(2);
		this.staleAfter = settings.staleAfter();
	}

	/** The silence of a running run whose heartbeat is late; empty when it is alive. */
	public Optional<Silence> silence(UUID runId) {
		return silence("id", runId);
	}

	@Override
	public Optional<Instant> recoveringUntil(UUID integrationId) {
		return silence("integration_id", integrationId).map(Silence::closableFrom);
	}

	private Optional<Silence> silence(String column, UUID id) {
		Instant now = Instant.now();
		return jdbc.sql("select heartbeat_at from sync_runs where " + column + " = :id and status = :running")
			.param("id", id)
			.param("running", SyncStatus.RUNNING.stored())
			.query((row, n) -> row.getTimestamp(1))
			.list()
			.stream()
			.filter(Objects::nonNull)
			.map(Timestamp::toInstant)
			.filter(lastSign -> lastSign.isBefore(now.minus(late)))
			.map(lastSign -> new Silence(lastSign, lastSign.plus(staleAfter)))
			.findFirst();
	}

	/**
	 * @param lastSign the run's last heartbeat
	 * @param closableFrom when the run counts as abandoned: from then on a sync of its
	 * integration closes it and starts
	 */
	public record Silence(Instant lastSign, Instant closableFrom) {
	}

}

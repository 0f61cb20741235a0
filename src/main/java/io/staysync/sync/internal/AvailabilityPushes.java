package io.staysync.sync.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The availability outbox: one row per (property, integration) waiting to be pushed. A
 * new change widens the row's range of nights and moves its due time {@code debounce}
 * later, but never past {@code longest-wait} after the first change still waiting, so a
 * busy property is still pushed. Portable SQL only (H2 in PostgreSQL mode and
 * PostgreSQL): update first, insert when there was nothing to update, and update again if
 * another transaction inserted first.
 */
@Component
class AvailabilityPushes {

	static final String PENDING = "pending";

	static final String GAVE_UP = "gave_up";

	private final JdbcClient jdbc;

	private final Duration debounce;

	private final Duration longestWait;

	/**
	 * Due times are compared with the time now, never with the (possibly fixed) domain
	 * clock.
	 */
	private final Clock clock = Clock.systemUTC();

	AvailabilityPushes(JdbcClient jdbc, AvailabilitySettings settings) {
		this.jdbc = jdbc;
		this.debounce = settings.debounce();
		this.longestWait = settings.longestWait();
	}

	/**
	 * Asks for the nights from {@code from} up to {@code to} to be pushed to the
	 * integration.
	 */
	void enqueue(UUID propertyId, UUID integrationId, LocalDate from, LocalDate to) {
		Instant now = clock.instant();
		if (widenPending(propertyId, integrationId, from, to, now) > 0
				|| revive(propertyId, integrationId, from, to, now) > 0) {
			return;
		}
		int inserted = jdbc.sql("""
				insert into availability_pushes (property_id, integration_id, range_from, range_to, state, changes,
				    pending_since, due_at, latest_due, attempts, version)
				values (:property, :integration, :from, :to, 'pending', 1, :now, :due, :latest, 0, 0)
				on conflict do nothing""")
			.param("property", propertyId)
			.param("integration", integrationId)
			.param("from", from)
			.param("to", to)
			.param("now", Timestamp.from(now))
			.param("due", Timestamp.from(now.plus(debounce)))
			.param("latest", Timestamp.from(now.plus(longestWait)))
			.update();
		if (inserted == 0) {
			widenPending(propertyId, integrationId, from, to, now);
		}
	}

	/**
	 * A row in backoff keeps its retry time; a row merely waiting moves later, up to its
	 * deadline.
	 */
	private int widenPending(UUID propertyId, UUID integrationId, LocalDate from, LocalDate to, Instant now) {
		return jdbc
			.sql("""
					update availability_pushes set range_from = least(range_from, :from), range_to = greatest(range_to, :to),
					    changes = changes + 1, version = version + 1,
					    due_at = case when attempts > 0 then due_at else least(:debounced, latest_due) end
					where property_id = :property and integration_id = :integration and state = 'pending'""")
			.param("property", propertyId)
			.param("integration", integrationId)
			.param("from", from)
			.param("to", to)
			.param("debounced", Timestamp.from(now.plus(debounce)))
			.update();
	}

	/** A push given up on starts over when the property changes again. */
	private int revive(UUID propertyId, UUID integrationId, LocalDate from, LocalDate to, Instant now) {
		return jdbc
			.sql("""
					update availability_pushes set range_from = least(range_from, :from), range_to = greatest(range_to, :to),
					    state = 'pending', changes = changes + 1, pending_since = :now, due_at = :due, latest_due = :latest,
					    attempts = 0, version = version + 1
					where property_id = :property and integration_id = :integration and state = 'gave_up'""")
			.param("property", propertyId)
			.param("integration", integrationId)
			.param("from", from)
			.param("to", to)
			.param("now", Timestamp.from(now))
			.param("due", Timestamp.from(now.plus(debounce)))
			.param("latest", Timestamp.from(now.plus(longestWait)))
			.update();
	}

	/** The pending pushes that are due now, oldest first. */
	List<PendingPush> due(int limit) {
		return jdbc.sql("""
				select property_id, integration_id, range_from, range_to, changes, attempts, version
				from availability_pushes where state = 'pending' and due_at <= :now
				order by due_at limit :limit""")
			.param("now", Timestamp.from(clock.instant()))
			.param("limit", limit)
			.query((row, n) -> new PendingPush(row.getObject("property_id", UUID.class),
					row.getObject("integration_id", UUID.class), row.getObject("range_from", LocalDate.class),
					row.getObject("range_to", LocalDate.class), row.getInt("changes"), row.getInt("attempts"),
					row.getLong("version")))
			.list();
	}

	/**
	 * Removes a row that was pushed, or that has nothing to push. A change that arrived
	 * meanwhile (another version) keeps the row, due at its own time, with a fresh count
	 * of attempts.
	 * @return whether the row was removed
	 */
	boolean done(PendingPush push) {
		int deleted = jdbc.sql("""
				delete from availability_pushes
				where property_id = :property and integration_id = :integration and version = :version""")
			.param("property", push.propertyId())
			.param("integration", push.integrationId())
			.param("version", push.version())
			.update();
		if (deleted == 0) {
			jdbc.sql("""
					update availability_pushes set attempts = 0, last_error = null
					where property_id = :property and integration_id = :integration""")
				.param("property", push.propertyId())
				.param("integration", push.integrationId())
				.update();
		}
		return deleted > 0;
	}

	/** Keeps the row for another attempt at {@code retryAt}, or as given up on. */
	void failed(PendingPush push, String error, Instant retryAt, boolean giveUp) {
		jdbc.sql("""
				update availability_pushes set attempts = attempts + 1, last_error = :error, last_attempt_at = :now,
				    due_at = :retry, state = :state, version = version + 1
				where property_id = :property and integration_id = :integration""")
			.param("property", push.propertyId())
			.param("integration", push.integrationId())
			.param("error", error.length() <= 2000 ? error : error.substring(0, 1999) + "…")
			.param("now", Timestamp.from(clock.instant()))
			.param("retry", Timestamp.from(retryAt))
			.param("state", giveUp ? GAVE_UP : PENDING)
			.update();
	}

	Instant now() {
		return clock.instant();
	}

	/**
	 * A row of the outbox as read for pushing; {@code version} detects changes made
	 * meanwhile.
	 */
	record PendingPush(UUID propertyId, UUID integrationId, LocalDate from, LocalDate to, int changes, int attempts,
			long version) {
	}

}

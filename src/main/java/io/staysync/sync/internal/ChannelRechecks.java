package io.staysync.sync.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.staysync.sync.Recheck;

/**
 * What waits to be read again from a channel, one row per (integration, kind, reference):
 * a burst of notifications about one reservation costs one read. The run of an
 * integration claims what is due (only one runs at a time, so a row claimed by another
 * run was left by a run that died); a read that failed waits with a growing backoff and
 * is given up after {@link #MAX_ATTEMPTS}, the scheduled reconciliation reading every
 * mapped listing anyway.
 */
@Component
class ChannelRechecks {

	static final int MAX_ATTEMPTS = 5;

	/** The most one run reads again: forged notifications cannot make a run endless. */
	static final int PER_RUN = 50;

	static final Duration FIRST_RETRY = Duration.ofMinutes(1);

	static final Duration LONGEST_RETRY = Duration.ofMinutes(30);

	private final JdbcClient jdbc;

	private final Clock clock;

	ChannelRechecks(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Stores the request, or brings a waiting one forward; one being read now is read
	 * once more afterwards (the notification may report a change the read missed).
	 */
	void request(UUID integrationId, Recheck recheck) {
		Timestamp now = Timestamp.from(clock.instant());
		int inserted = jdbc.sql("""
				insert into channel_rechecks (integration_id, kind, reference, requested_at, not_before, attempts,
				    requested_again)
				values (:integration, :kind, :reference, :now, :now, 0, false) on conflict do nothing""")
			.param("integration", integrationId)
			.param("kind", recheck.kind().json())
			.param("reference", recheck.reference())
			.param("now", now)
			.update();
		if (inserted == 0) {
			jdbc.sql("""
					update channel_rechecks set requested_at = :now, not_before = :now, attempts = 0,
					    requested_again = (claimed_by is not null)
					where integration_id = :integration and kind = :kind and reference = :reference""")
				.param("integration", integrationId)
				.param("kind", recheck.kind().json())
				.param("reference", recheck.reference())
				.param("now", now)
				.update();
		}
	}

	/** Claims for this run what is due, oldest first, at most {@link #PER_RUN}. */
	List<Claimed> claim(UUID integrationId, UUID runId) {
		Timestamp now = Timestamp.from(clock.instant());
		List<Claimed> due = jdbc.sql("""
				select kind, reference, attempts from channel_rechecks
				where integration_id = :integration and not_before <= :now
				  and (claimed_by is null or claimed_by <> :run)
				order by requested_at limit :limit""")
			.param("integration", integrationId)
			.param("now", now)
			.param("run", runId)
			.param("limit", PER_RUN)
			.query((rs, n) -> new Claimed(
					new Recheck(Recheck.Kind.valueOf(rs.getString(1).toUpperCase(java.util.Locale.ROOT)),
							rs.getString(2)),
					rs.getInt(3)))
			.list();
		for (Claimed claimed : due) {
			jdbc.sql("update channel_rechecks set claimed_by = :run, requested_again = false"
					+ " where integration_id = :integration and kind = :kind and reference = :reference")
				.param("run", runId)
				.param("integration", integrationId)
				.param("kind", claimed.recheck().kind().json())
				.param("reference", claimed.recheck().reference())
				.update();
		}
		return due;
	}

	/** Read: forgotten, unless a notification asked again meanwhile. */
	void done(UUID integrationId, UUID runId, Recheck recheck) {
		int forgotten = jdbc.sql("""
				delete from channel_rechecks where integration_id = :integration and kind = :kind
				  and reference = :reference and claimed_by = :run and requested_again = false""")
			.param("integration", integrationId)
			.param("kind", recheck.kind().json())
			.param("reference", recheck.reference())
			.param("run", runId)
			.update();
		if (forgotten == 0) {
			release(integrationId, runId, recheck, clock.instant(), 0, null);
		}
	}

	/**
	 * Not read (the channel failed): tried again after a backoff, or given up.
	 * @return whether it will be tried again
	 */
	boolean failed(UUID integrationId, UUID runId, Claimed claimed, String problem) {
		int attempts = claimed.attempts() + 1;
		if (attempts >= MAX_ATTEMPTS) {
			done(integrationId, runId, claimed.recheck());
			return false;
		}
		Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(attempts - 1, 10));
		wait = wait.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : wait;
		release(integrationId, runId, claimed.recheck(), clock.instant().plus(wait), attempts, problem);
		return true;
	}

	private void release(UUID integrationId, UUID runId, Recheck recheck, Instant notBefore, int attempts,
			String problem) {
		jdbc.sql("""
				update channel_rechecks set claimed_by = null,
				    not_before = case when requested_again then cast(:now as timestamp with time zone)
				        else cast(:notBefore as timestamp with time zone) end,
				    attempts = case when requested_again then 0 else cast(:attempts as int) end,
				    requested_again = false, last_problem = :problem
				where integration_id = :integration and kind = :kind and reference = :reference
				  and claimed_by = :run""")
			.param("now", Timestamp.from(clock.instant()))
			.param("notBefore", Timestamp.from(notBefore))
			.param("attempts", attempts)
			.param("problem", problem == null ? null : truncate(problem))
			.param("integration", integrationId)
			.param("kind", recheck.kind().json())
			.param("reference", recheck.reference())
			.param("run", runId)
			.update();
	}

	/** Whether something became due after {@code since} that no run has read yet. */
	boolean requestedSince(UUID integrationId, Instant since) {
		return jdbc
			.sql("select count(*) from channel_rechecks where integration_id = :integration and claimed_by is null"
					+ " and requested_at > :since and not_before <= :now")
			.param("integration", integrationId)
			.param("since", Timestamp.from(since))
			.param("now", Timestamp.from(clock.instant()))
			.query(Long.class)
			.single() > 0;
	}

	private static String truncate(String text) {
		return text.length() <= 1000 ? text : text.substring(0, 999) + "…";
	}

	/** A recheck this run reads, with the attempts made before. */
	record Claimed(Recheck recheck, int attempts) {
	}

}

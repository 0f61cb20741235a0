package io.staysync.sync.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.staysync.sync.SyncStatus;

/**
 * The claim table of chunked runs ({@code sync_run_chunks}): chunks are written when a
 * big run starts, claimed one at a time with {@code SELECT … FOR UPDATE SKIP LOCKED} (so
 * two instances never claim the same chunk and never wait for each other), kept alive by
 * their holder's heartbeat, claimed again once that heartbeat stops, and marked done only
 * by the claim that holds them. Heartbeats use the time now (system clock): they are
 * compared across instances.
 */
@Component
class RunChunks {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final JdbcClient jdbc;

	RunChunks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Writes the chunks of a run, all open, in the caller's transaction. */
	void create(UUID runId, List<List<String>> chunks, int firstPosition, Instant budgetEndsAt) {
		int position = firstPosition;
		for (int n = 0; n < chunks.size(); n++) {
			jdbc.sql("""
					insert into sync_run_chunks (sync_run_id, chunk, first_position, listing_ids, state, claims,
					budget_ends_at) values (:run, :n, :first, :ids, 'open', 0, :ends)""")
				.param("run", runId)
				.param("n", n)
				.param("first", position)
				.param("ids", json(chunks.get(n)))
				.param("ends", Timestamp.from(budgetEndsAt))
				.update();
			position += chunks.get(n).size();
		}
	}

	/**
	 * Claims an open chunk, or one whose holder stopped beating longer than
	 * {@code staleAfter} ago, of a running run ({@code runId}, or any when null); call in
	 * a transaction.
	 */
	Optional<Chunk> claim(UUID runId, String instance, Duration staleAfter) {
		Timestamp now = Timestamp.from(Instant.now());
		Optional<Key> key = jdbc
			.sql("""
					select sync_run_id, chunk from sync_run_chunks
					where (state = 'open' or (state = 'claimed' and heartbeat_at < :cutoff))
					and sync_run_id in (select id from sync_runs where status = :running)"""
					+ (runId == null ? "" : " and sync_run_id = :run")
					+ " order by budget_ends_at, chunk limit 1 for update skip locked")
			.param("cutoff", Timestamp.from(now.toInstant().minus(staleAfter)))
			.param("running", SyncStatus.RUNNING.stored())
			.params(runId == null ? java.util.Map.of() : java.util.Map.of("run", runId))
			.query((row, n) -> new Key(row.getObject(1, UUID.class), row.getInt(2)))
			.optional();
		if (key.isEmpty()) {
			return Optional.empty();
		}
		UUID claim = UUID.randomUUID();
		jdbc.sql("""
				update sync_run_chunks set state = 'claimed', claim = :claim, claimed_by = :by, heartbeat_at = :now,
				claims = claims + 1, listings_done = 0 where sync_run_id = :run and chunk = :n""")
			.param("claim", claim)
			.param("by", instance)
			.param("now", now)
			.param("run", key.get().runId())
			.param("n", key.get().number())
			.update();
		return jdbc.sql("""
				select first_position, listing_ids, claims, budget_ends_at from sync_run_chunks
				where sync_run_id = :run and chunk = :n""")
			.param("run", key.get().runId())
			.param("n", key.get().number())
			.query((row, n) -> new Chunk(key.get().runId(), key.get().number(), row.getInt(1), ids(row.getString(2)),
					claim, row.getInt(3), row.getTimestamp(4).toInstant()))
			.optional();
	}

	/** Shows that the holders of these claims are alive, and so are their runs. */
	void beat(List<Chunk> held) {
		Timestamp now = Timestamp.from(Instant.now());
		for (Chunk chunk : held) {
			jdbc.sql("update sync_run_chunks set heartbeat_at = :now where claim = :claim")
				.param("now", now)
				.param("claim", chunk.claim())
				.update();
			jdbc.sql("update sync_runs set heartbeat_at = :now where id = :id and status = :running")
				.param("now", now)
				.param("id", chunk.runId())
				.param("running", SyncStatus.RUNNING.stored())
				.update();
		}
	}

	/**
	 * Marks the chunk done if this claim still holds it; call in the transaction that
	 * stores its outcomes.
	 */
	boolean markDone(Chunk chunk) {
		return jdbc.sql("update sync_run_chunks set state = 'done', claim = null where claim = :claim")
			.param("claim", chunk.claim())
			.update() == 1;
	}

	/** Gives a chunk back unfinished (the instance is stopping), for another to claim. */
	void release(Chunk chunk) {
		jdbc.sql("update sync_run_chunks set state = 'open', claim = null, claimed_by = null where claim = :claim")
			.param("claim", chunk.claim())
			.update();
	}

	/**
	 * Locks the run's row until the caller's transaction ends, so that chunks of one run
	 * complete one after another.
	 */
	void lockRun(UUID runId) {
		jdbc.sql("select id from sync_runs where id = :id for update").param("id", runId).query(UUID.class).list();
	}

	long unfinished(UUID runId) {
		return jdbc.sql("select count(*) from sync_run_chunks where sync_run_id = :run and state <> 'done'")
			.param("run", runId)
			.query(Long.class)
			.single();
	}

	void delete(UUID runId) {
		jdbc.sql("delete from sync_run_chunks where sync_run_id = :run").param("run", runId).update();
	}

	/** Deletes the chunks of runs that ended without them (closed as abandoned). */
	int deleteOrphans() {
		return jdbc.sql("""
				delete from sync_run_chunks where sync_run_id not in
				(select id from sync_runs where status = :running)""")
			.param("running", SyncStatus.RUNNING.stored())
			.update();
	}

	private static String json(List<String> ids) {
		try {
			return JSON.writeValueAsString(ids);
		}
		catch (JsonProcessingException impossible) {
			throw new IllegalStateException(impossible);
		}
	}

	private static List<String> ids(String json) {
		try {
			return JSON.readValue(json, new TypeReference<List<String>>() {
			});
		}
		catch (JsonProcessingException corrupt) {
			throw new IllegalStateException("A chunk's listing ids are not readable", corrupt);
		}
	}

	private record Key(UUID runId, int number) {
	}

	/**
	 * A claimed chunk: its run, its number, the position of its first listing among the
	 * run's outcomes, its listings in mapping order, the claim that holds it, how many
	 * times it was claimed (this one included) and when the run's budget ends.
	 */
	record Chunk(UUID runId, int number, int firstPosition, List<String> listingIds, UUID claim, int claims,
			Instant budgetEndsAt) {
	}

}

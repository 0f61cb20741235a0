package io.staysync.sync.internal;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How many of a running sync's listings are done, so that whoever watches the run sees it
 * advance listing by listing. Kept in two columns of the run's row that the aggregate
 * does not map, each written in a statement of its own: progress never holds a lock a
 * listing's transaction waits for, and a failed write of it never fails the run.
 * <p>
 * A run shared by the cluster counts on its chunks' rows ({@code sync_run_chunks}) while
 * they are under way, and adds a chunk's size to the run's row in the transaction that
 * marks the chunk done. A chunk claimed again starts its count from zero, so the listings
 * of a chunk whose instance died are not counted twice and the progress never passes the
 * total.
 */
@Component
public class RunProgress {

	private final JdbcClient jdbc;

	RunProgress(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void started(UUID runId, int listings) {
		jdbc.sql("update sync_runs set listings_total = :total, listings_done = 0 where id = :id")
			.param("total", listings)
			.param("id", runId)
			.update();
	}

	void advanced(UUID runId) {
		jdbc.sql("update sync_runs set listings_done = listings_done + 1 where id = :id").param("id", runId).update();
	}

	/** One more listing of a chunk done, if this claim still holds the chunk. */
	void advanced(RunChunks.Chunk chunk) {
		jdbc.sql("update sync_run_chunks set listings_done = listings_done + 1 where claim = :claim")
			.param("claim", chunk.claim())
			.update();
	}

	/**
	 * Every listing of a chunk is done; call in the transaction that marks the chunk
	 * done.
	 */
	void chunkDone(RunChunks.Chunk chunk) {
		jdbc.sql("update sync_runs set listings_done = listings_done + :n where id = :id")
			.param("n", chunk.listingIds().size())
			.param("id", chunk.runId())
			.update();
	}

	/** Done and total listings of a run, once it has counted them. */
	public Optional<Progress> of(UUID runId) {
		return jdbc.sql("""
				select r.listings_done + coalesce((select sum(c.listings_done) from sync_run_chunks c
				where c.sync_run_id = r.id and c.state <> 'done'), 0), r.listings_total
				from sync_runs r where r.id = :id and r.listings_total is not null""")
			.param("id", runId)
			.query((row, n) -> new Progress(row.getInt(1), row.getInt(2)))
			.optional();
	}

	/** Listings done of the total. */
	public record Progress(int done, int total) {
	}

}

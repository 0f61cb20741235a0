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

	/** Done and total listings of a run, once it has counted them. */
	public Optional<Progress> of(UUID runId) {
		return jdbc
			.sql("select listings_done, listings_total from sync_runs where id = :id and listings_total is not null")
			.param("id", runId)
			.query((row, n) -> new Progress(row.getInt(1), row.getInt(2)))
			.optional();
	}

	/** Listings done of the total. */
	public record Progress(int done, int total) {
	}

}

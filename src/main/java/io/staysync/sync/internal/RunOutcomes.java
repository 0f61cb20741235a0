package io.staysync.sync.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * The per-listing outcomes of runs, outside the run's aggregate: written once, in JDBC
 * batches of {@value #BATCH}, when the finished run is saved; read a page at a time, in
 * the order the run met the listings or with the failures first. So a run of 30,000
 * listings is neither one giant save nor a page that cannot load.
 */
@Component
class RunOutcomes {

	static final int BATCH = 500;

	private static final String COLUMNS = "external_listing_id, property_id, status, bookings_created,"
			+ " bookings_updated, bookings_cancelled, unchanged, conflicts, message, channel_request_ids";

	private static final RowMapper<ListingOutcome> OUTCOME = (row, n) -> new ListingOutcome(row.getString(1),
			row.getObject(2, UUID.class), ListingStatus.valueOf(row.getString(3).toUpperCase(java.util.Locale.ROOT)),
			row.getInt(4), row.getInt(5), row.getInt(6), row.getInt(7), row.getInt(8), row.getString(9),
			row.getString(10));

	private final JdbcTemplate jdbc;

	RunOutcomes(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Writes a run's outcomes, replacing any it had, in the caller's transaction. */
	void write(UUID runId, List<ListingOutcome> outcomes) {
		jdbc.update("delete from sync_run_listings where sync_run_id = ?", runId);
		append(runId, 0, outcomes);
	}

	/**
	 * Writes the outcomes of a slice of a run (a chunk) from {@code firstPosition} on, in
	 * the caller's transaction.
	 */
	void append(UUID runId, int firstPosition, List<ListingOutcome> outcomes) {
		int[] position = { firstPosition };
		jdbc.batchUpdate("insert into sync_run_listings (sync_run_id, position, " + COLUMNS
				+ ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", outcomes, BATCH, (statement, outcome) -> {
					bind(statement, runId, position[0]++, outcome);
				});
	}

	private static void bind(PreparedStatement statement, UUID runId, int position, ListingOutcome outcome)
			throws SQLException {
		statement.setObject(1, runId);
		statement.setInt(2, position);
		statement.setString(3, outcome.externalListingId());
		if (outcome.propertyId() == null) {
			statement.setNull(4, Types.OTHER);
		}
		else {
			statement.setObject(4, outcome.propertyId());
		}
		statement.setString(5, outcome.status().stored());
		statement.setInt(6, outcome.bookingsCreated());
		statement.setInt(7, outcome.bookingsUpdated());
		statement.setInt(8, outcome.bookingsCancelled());
		statement.setInt(9, outcome.unchanged());
		statement.setInt(10, outcome.conflicts());
		statement.setString(11, outcome.message());
		statement.setString(12, outcome.channelRequestIds());
	}

	/**
	 * A page of a run's outcomes: in the order the run met the listings, or the failed
	 * ones first (each part in that order).
	 */
	Page<ListingOutcome> page(UUID runId, Pageable pageable, boolean failuresFirst) {
		String order = failuresFirst ? "case when status = ? then 0 else 1 end, position" : "position";
		Object[] args = failuresFirst
				? new Object[] { runId, ListingStatus.ERROR.stored(), pageable.getPageSize(), pageable.getOffset() }
				: new Object[] { runId, pageable.getPageSize(), pageable.getOffset() };
		List<ListingOutcome> content = jdbc.query("select " + COLUMNS
				+ " from sync_run_listings where sync_run_id = ? order by " + order + " limit ? offset ?", OUTCOME,
				args);
		return new PageImpl<>(content, pageable, counts(runId).total());
	}

	/** How many listings a run went through, and how many of them failed. */
	Counts counts(UUID runId) {
		return jdbc.queryForObject(
				"select count(*), coalesce(sum(case when status = ? then 1 else 0 end), 0) from sync_run_listings"
						+ " where sync_run_id = ?",
				(row, n) -> new Counts(row.getLong(1), row.getLong(2)), ListingStatus.ERROR.stored(), runId);
	}

	/** A run's listings in numbers. */
	record Counts(long total, long failed) {
	}

	/**
	 * What a run's stored outcomes add up to, for a run finished from them rather than
	 * from outcomes in memory.
	 */
	Totals totals(UUID runId) {
		Totals sums = jdbc.queryForObject("""
				select count(*), coalesce(sum(case when status = ? then 1 else 0 end), 0),
				coalesce(sum(bookings_created), 0), coalesce(sum(bookings_updated), 0),
				coalesce(sum(bookings_cancelled), 0), coalesce(sum(unchanged), 0), coalesce(sum(conflicts), 0)
				from sync_run_listings where sync_run_id = ?""", (row, n) -> new Totals(row.getLong(1), row.getLong(2),
				row.getInt(3), row.getInt(4), row.getInt(5), row.getInt(6), row.getInt(7), null),
				ListingStatus.ERROR.stored(), runId);
		if (sums.failed() == 0) {
			return sums;
		}
		String first = jdbc
			.query("select external_listing_id, message from sync_run_listings where sync_run_id = ? and status = ?"
					+ " order by position limit 1", (row, n) -> row.getString(1) + ": " + row.getString(2), runId,
					ListingStatus.ERROR.stored())
			.stream()
			.findFirst()
			.orElse(null);
		return new Totals(sums.total(), sums.failed(), sums.created(), sums.updated(), sums.cancelled(),
				sums.unchanged(), sums.conflicts(), first);
	}

	/** The sums of a run's outcomes, and the first failure in the run's order. */
	record Totals(long total, long failed, int created, int updated, int cancelled, int unchanged, int conflicts,
			String firstFailure) {
	}

}

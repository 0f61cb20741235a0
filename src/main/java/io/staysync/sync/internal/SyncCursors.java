package io.staysync.sync.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.staysync.channels.SyncCursor;

/**
 * Where each listing's last applied fetch left off: the conditional-GET validators and
 * the connector's digest of the content, saved in the transaction that applied it, so
 * that a listing whose apply failed is read in full next time.
 */
@Component
class SyncCursors {

	private final JdbcClient jdbc;

	private final Clock clock;

	SyncCursors(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Every cursor of an integration by listing, read in one query at the start of a run
	 * rather than one query per listing.
	 */
	Map<String, SyncCursor> all(UUID integrationId) {
		Map<String, SyncCursor> cursors = new HashMap<>();
		jdbc.sql("""
				select external_listing_id, etag, last_modified, content_hash from sync_cursors
				where integration_id = :i""").param("i", integrationId).query(row -> {
			cursors.put(row.getString("external_listing_id"), cursor(row));
		});
		return cursors;
	}

	/**
	 * The cursors of some listings of an integration (a chunk of a run), in one query.
	 */
	Map<String, SyncCursor> of(UUID integrationId, java.util.Collection<String> listings) {
		Map<String, SyncCursor> cursors = new HashMap<>();
		if (listings.isEmpty()) {
			return cursors;
		}
		jdbc.sql("""
				select external_listing_id, etag, last_modified, content_hash from sync_cursors
				where integration_id = :i and external_listing_id in (:l)""")
			.param("i", integrationId)
			.param("l", List.copyOf(listings))
			.query(row -> {
				cursors.put(row.getString("external_listing_id"), cursor(row));
			});
		return cursors;
	}

	void save(UUID integrationId, String listing, SyncCursor cursor) {
		jdbc.sql("delete from sync_cursors where integration_id = :i and external_listing_id = :l")
			.param("i", integrationId)
			.param("l", listing)
			.update();
		jdbc.sql("""
				insert into sync_cursors (integration_id, external_listing_id, etag, last_modified, content_hash,
				updated_at) values (:i, :l, :etag, :modified, :hash, :now)""")
			.param("i", integrationId)
			.param("l", listing)
			.param("etag", truncate(cursor.etag(), 500))
			.param("modified", truncate(cursor.lastModified(), 100))
			.param("hash", truncate(cursor.contentHash(), 64))
			.param("now", Timestamp.from(clock.instant()))
			.update();
	}

	private static SyncCursor cursor(java.sql.ResultSet row) throws java.sql.SQLException {
		return new SyncCursor(row.getString("etag"), row.getString("last_modified"), row.getString("content_hash"));
	}

	private static String truncate(String value, int max) {
		return value == null || value.length() <= max ? value : null;
	}

}

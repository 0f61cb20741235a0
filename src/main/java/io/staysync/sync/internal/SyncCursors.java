package io.staysync.sync.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.staysync.channels.SyncCursor;

/** The conditional-GET validators of each listing's last fetch. */
@Component
class SyncCursors {

	private final JdbcClient jdbc;

	private final Clock clock;

	SyncCursors(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	SyncCursor find(UUID integrationId, String listing) {
		return jdbc
			.sql("select etag, last_modified from sync_cursors where integration_id = :i and external_listing_id = :l")
			.param("i", integrationId)
			.param("l", listing)
			.query((row, n) -> new SyncCursor(row.getString("etag"), row.getString("last_modified")))
			.optional()
			.orElse(SyncCursor.none());
	}

	void save(UUID integrationId, String listing, SyncCursor cursor) {
		jdbc.sql("delete from sync_cursors where integration_id = :i and external_listing_id = :l")
			.param("i", integrationId)
			.param("l", listing)
			.update();
		jdbc.sql("""
				insert into sync_cursors (integration_id, external_listing_id, etag, last_modified, updated_at)
				values (:i, :l, :etag, :modified, :now)""")
			.param("i", integrationId)
			.param("l", listing)
			.param("etag", truncate(cursor.etag(), 500))
			.param("modified", truncate(cursor.lastModified(), 100))
			.param("now", Timestamp.from(clock.instant()))
			.update();
	}

	private static String truncate(String value, int max) {
		return value == null || value.length() <= max ? value : null;
	}

}

package io.staysync.bookings.internal;

import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;

/**
 * Inserts channel bookings unless their channel key
 * {@code (integration_id, external_scope, external_id)} exists. Unlike a plain insert,
 * the race in which two writers insert the same key does not fail (and, on PostgreSQL,
 * abort) the transaction: the loser inserts nothing and reads the winner's row.
 * {@code on conflict do nothing} without a target runs on PostgreSQL and on H2.
 */
@Component
class BookingInserts {

	private static final String INSERT = """
			insert into bookings (id, property_id, kind, status, check_in, check_out, guest_name, guest_email,
			    guest_phone, adults, children, total_amount, currency, source, integration_id, external_id,
			    external_scope, external_listing_id, raw_payload_ref, external_reference, notes, created_at, updated_at,
			    cancelled_at, version)
			values (:id, :propertyId, :kind, :status, :checkIn, :checkOut, :guestName, :guestEmail,
			    :guestPhone, :adults, :children, :totalAmount, :currency, :source, :integrationId, :externalId,
			    :externalScope, :externalListingId, :rawPayloadRef, :externalReference, :notes, :createdAt, :updatedAt,
			    :cancelledAt, 0)
			on conflict do nothing""";

	private final NamedParameterJdbcTemplate jdbc;

	BookingInserts(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @return whether the row was inserted
	 */
	boolean insertIfAbsent(Booking b) {
		return jdbc.update(INSERT, values(b)) == 1;
	}

	/**
	 * Several bookings in one JDBC batch (one round trip instead of one per booking).
	 * @return for each booking, in order, whether its row was inserted
	 */
	boolean[] insertAllIfAbsent(List<Booking> all) {
		SqlParameterSource[] rows = new SqlParameterSource[all.size()];
		for (int i = 0; i < rows.length; i++) {
			rows[i] = values(all.get(i));
		}
		int[] counts = jdbc.batchUpdate(INSERT, rows);
		boolean[] inserted = new boolean[counts.length];
		for (int i = 0; i < counts.length; i++) {
			// a driver that rewrites batches reports no count: the row says whether it is
			// ours
			inserted[i] = counts[i] == 1 || (counts[i] == Statement.SUCCESS_NO_INFO && stored(all.get(i)));
		}
		return inserted;
	}

	private boolean stored(Booking b) {
		return jdbc.queryForObject("select count(*) from bookings where id = :id", Map.of("id", b.id()),
				Integer.class) == 1;
	}

	private static MapSqlParameterSource values(Booking b) {
		return new MapSqlParameterSource().addValue("id", b.id())
			.addValue("propertyId", b.propertyId())
			.addValue("kind", b.kind().name())
			.addValue("status", b.status().name())
			.addValue("checkIn", b.checkIn())
			.addValue("checkOut", b.checkOut())
			.addValue("guestName", b.guestName())
			.addValue("guestEmail", b.guestEmail())
			.addValue("guestPhone", b.guestPhone())
			.addValue("adults", b.adults())
			.addValue("children", b.children())
			.addValue("totalAmount", b.totalAmount())
			.addValue("currency", b.currency())
			.addValue("source", b.source().name())
			.addValue("integrationId", b.integrationId())
			.addValue("externalId", b.externalId())
			.addValue("externalScope", b.externalScope())
			.addValue("externalListingId", b.externalListingId())
			.addValue("rawPayloadRef", b.rawPayloadRef())
			.addValue("externalReference", b.externalReference())
			.addValue("notes", b.notes())
			.addValue("createdAt", timestamp(b.createdAt()))
			.addValue("updatedAt", timestamp(b.updatedAt()))
			.addValue("cancelledAt", timestamp(b.cancelledAt()));
	}

	private static Timestamp timestamp(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

}

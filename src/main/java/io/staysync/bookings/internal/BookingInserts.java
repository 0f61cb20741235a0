package io.staysync.bookings.internal;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Inserts a channel booking unless its channel key
 * {@code (integration_id, external_scope, external_id)} exists. Unlike a plain insert,
 * the race in which two writers insert the same key does not fail (and, on PostgreSQL,
 * abort) the transaction: the loser inserts nothing and reads the winner's row.
 * {@code on conflict do nothing} without a target runs on PostgreSQL and on H2.
 */
@Component
class BookingInserts {

	private final JdbcClient jdbc;

	BookingInserts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @return whether the row was inserted
	 */
	boolean insertIfAbsent(Booking b) {
		return jdbc
			.sql("""
					insert into bookings (id, property_id, kind, status, check_in, check_out, guest_name, guest_email,
					    guest_phone, adults, children, total_amount, currency, source, integration_id, external_id,
					    external_scope, external_listing_id, raw_payload_ref, external_reference, notes, created_at, updated_at,
					    cancelled_at, version)
					values (:id, :propertyId, :kind, :status, :checkIn, :checkOut, :guestName, :guestEmail,
					    :guestPhone, :adults, :children, :totalAmount, :currency, :source, :integrationId, :externalId,
					    :externalScope, :externalListingId, :rawPayloadRef, :externalReference, :notes, :createdAt, :updatedAt,
					    :cancelledAt, 0)
					on conflict do nothing""")
			.param("id", b.id())
			.param("propertyId", b.propertyId())
			.param("kind", b.kind().name())
			.param("status", b.status().name())
			.param("checkIn", b.checkIn())
			.param("checkOut", b.checkOut())
			.param("guestName", b.guestName())
			.param("guestEmail", b.guestEmail())
			.param("guestPhone", b.guestPhone())
			.param("adults", b.adults())
			.param("children", b.children())
			.param("totalAmount", b.totalAmount())
			.param("currency", b.currency())
			.param("source", b.source().name())
			.param("integrationId", b.integrationId())
			.param("externalId", b.externalId())
			.param("externalScope", b.externalScope())
			.param("externalListingId", b.externalListingId())
			.param("rawPayloadRef", b.rawPayloadRef())
			.param("externalReference", b.externalReference())
			.param("notes", b.notes())
			.param("createdAt", timestamp(b.createdAt()))
			.param("updatedAt", timestamp(b.updatedAt()))
			.param("cancelledAt", timestamp(b.cancelledAt()))
			.update() == 1;
	}

	private static Timestamp timestamp(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

}

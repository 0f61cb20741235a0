package io.staysync.bookings.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.staysync.bookings.ChannelKey;
import io.staysync.bookings.FeedMisses;
import io.staysync.bookings.ImportOutcome;
import io.staysync.properties.PropertyCatalog;

/**
 * Counts, per booking, how many consecutive complete feeds of its listing it has been
 * missing from ({@code booking_misses}), and cancels it at the miss that reaches
 * {@link FeedMisses#MISSES_BEFORE_CANCELLING}. Counted by booking, not by external id: an
 * iCal UID is unique only in its own feed, so the same UID missing from one listing's
 * feed says nothing about the booking another listing's feed carries under it. A
 * listing's bookings are those keyed in its scope (iCal UIDs) or channel-wide (API ids)
 * that are on it: naming the two scopes lets the channel key's index find an iCal
 * listing's bookings without reading every booking of the integration, which made each
 * listing of a run slower than the one before.
 */
@Service
class FeedMissCounter implements FeedMisses {

	private final BookingRepository bookings;

	private final ImportedCancellations cancellations;

	private final PropertyCatalog properties;

	private final JdbcClient jdbc;

	private final Clock clock;

	FeedMissCounter(BookingRepository bookings, ImportedCancellations cancellations, PropertyCatalog properties,
			JdbcClient jdbc, Clock clock) {
		this.bookings = bookings;
		this.cancellations = cancellations;
		this.properties = properties;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	@Transactional
	public Misses completeFeed(UUID integrationId, String externalListingId, Set<String> present, LocalDate from,
			LocalDate to) {
		pending(integrationId, externalListingId).forEach((externalId, bookingId) -> {
			if (present.contains(externalId)) {
				forget(bookingId);
			}
		});
		Map<String, UUID> absent = new TreeMap<>(expected(integrationId, externalListingId, from, to));
		absent.keySet().removeAll(present);
		return missedAgain(absent);
	}

	@Override
	@Transactional
	public Misses unchangedFeed(UUID integrationId, String externalListingId, LocalDate from, LocalDate to) {
		Map<String, UUID> pending = new TreeMap<>(pending(integrationId, externalListingId));
		if (pending.isEmpty()) {
			return new Misses(List.of(), List.of());
		}
		pending.keySet().retainAll(expected(integrationId, externalListingId, from, to).keySet());
		return missedAgain(pending);
	}

	private Misses missedAgain(Map<String, UUID> absent) {
		List<ImportOutcome> cancelled = new ArrayList<>();
		List<String> pending = new ArrayList<>();
		absent.forEach((externalId, bookingId) -> {
			if (missed(bookingId) >= MISSES_BEFORE_CANCELLING) {
				cancelled.add(cancellations.cancel(bookings.findById(bookingId).orElse(null)));
				forget(bookingId);
			}
			else {
				pending.add(externalId);
			}
		});
		return new Misses(cancelled, pending);
	}

	/**
	 * The bookings of a listing not cancelled (confirmed or tentative) that a complete
	 * feed covering the range from {@code from} until {@code to} should contain, by
	 * external id: those that have not ended yet in their property's time zone and start
	 * before {@code to}. Past stays drop out of channel feeds and are never reported
	 * missing.
	 */
	private Map<String, UUID> expected(UUID integrationId, String externalListingId, LocalDate from, LocalDate to) {
		Map<UUID, LocalDate> today = new HashMap<>();
		Map<String, UUID> expected = new HashMap<>();
		for (String scope : scopesOf(externalListingId)) {
			jdbc.sql("""
					select id, external_id, property_id, check_out from bookings
					where integration_id = :integration and external_scope = :scope and external_listing_id = :listing
					  and status <> 'CANCELLED' and check_out > :from and check_in < :to""")
				.param("integration", integrationId)
				.param("scope", scope)
				.param("listing", externalListingId)
				.param("from", from)
				.param("to", to)
				.query(row -> {
					UUID property = row.getObject("property_id", UUID.class);
					LocalDate localToday = today.computeIfAbsent(property,
							id -> properties.find(id).map(p -> p.today(clock)).orElse(LocalDate.MIN));
					if (row.getObject("check_out", LocalDate.class).isAfter(localToday)) {
						expected.put(row.getString("external_id"), row.getObject("id", UUID.class));
					}
				});
		}
		return expected;
	}

	/**
	 * @return how many consecutive complete feeds the booking is now missing from
	 */
	private int missed(UUID bookingId) {
		int updated = jdbc.sql("update booking_misses set misses = misses + 1 where booking_id = :b")
			.param("b", bookingId)
			.update();
		if (updated == 0) {
			jdbc.sql("""
					insert into booking_misses (booking_id, misses, first_missed_at)
					values (:b, 1, :now) on conflict do nothing""")
				.param("b", bookingId)
				.param("now", Timestamp.from(clock.instant()))
				.update();
		}
		return jdbc.sql("select misses from booking_misses where booking_id = :b")
			.param("b", bookingId)
			.query(Integer.class)
			.single();
	}

	/** The bookings of a listing that are missing once already, by external id. */
	private Map<String, UUID> pending(UUID integrationId, String externalListingId) {
		Map<String, UUID> pending = new HashMap<>();
		for (String scope : scopesOf(externalListingId)) {
			jdbc.sql("""
					select b.id, b.external_id from bookings b
					where b.integration_id = :integration and b.external_scope = :scope
					  and b.external_listing_id = :listing
					  and exists (select 1 from booking_misses m where m.booking_id = b.id)""")
				.param("integration", integrationId)
				.param("scope", scope)
				.param("listing", externalListingId)
				.query(row -> {
					pending.put(row.getString("external_id"), row.getObject("id", UUID.class));
				});
		}
		return pending;
	}

	/**
	 * The key scopes a listing's bookings can be in: the listing's own (iCal UIDs) and
	 * the channel-wide one (API ids). Each is asked for on its own, so that the channel
	 * key's index narrows the rows on H2 and on PostgreSQL alike.
	 */
	private static List<String> scopesOf(String externalListingId) {
		return ChannelKey.CHANNEL_WIDE.equals(externalListingId) ? List.of(ChannelKey.CHANNEL_WIDE)
				: List.of(externalListingId, ChannelKey.CHANNEL_WIDE);
	}

	private void forget(UUID bookingId) {
		jdbc.sql("delete from booking_misses where booking_id = :b").param("b", bookingId).update();
	}

}

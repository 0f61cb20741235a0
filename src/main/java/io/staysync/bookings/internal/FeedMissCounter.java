package io.staysync.bookings.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.staysync.bookings.BookingImport;
import io.staysync.bookings.FeedMisses;
import io.staysync.bookings.ImportOutcome;
import io.staysync.properties.PropertyCatalog;

/**
 * Counts, per channel key, how many consecutive complete feeds a booking has been missing
 * from ({@code missing_bookings}), and cancels it at the miss that reaches
 * {@link FeedMisses#MISSES_BEFORE_CANCELLING}.
 */
@Service
class FeedMissCounter implements FeedMisses {

	private final BookingImport imports;

	private final PropertyCatalog properties;

	private final JdbcClient jdbc;

	private final Clock clock;

	FeedMissCounter(BookingImport imports, PropertyCatalog properties, JdbcClient jdbc, Clock clock) {
		this.imports = imports;
		this.properties = properties;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	@Transactional
	public Misses completeFeed(UUID integrationId, String externalListingId, Set<String> present, LocalDate from,
			LocalDate to) {
		for (String externalId : present) {
			forget(integrationId, externalId);
		}
		Set<String> absent = new TreeSet<>(expectedExternalIds(integrationId, externalListingId, from, to));
		absent.removeAll(present);
		return missedAgain(integrationId, absent);
	}

	@Override
	@Transactional
	public Misses unchangedFeed(UUID integrationId, String externalListingId, LocalDate from, LocalDate to) {
		Set<String> pending = pending(integrationId);
		if (pending.isEmpty()) {
			return new Misses(List.of(), List.of());
		}
		pending.retainAll(expectedExternalIds(integrationId, externalListingId, from, to));
		return missedAgain(integrationId, new TreeSet<>(pending));
	}

	private Misses missedAgain(UUID integrationId, Set<String> absent) {
		List<ImportOutcome> cancelled = new ArrayList<>();
		List<String> pending = new ArrayList<>();
		for (String externalId : absent) {
			if (missed(integrationId, externalId) >= MISSES_BEFORE_CANCELLING) {
				cancelled.add(imports.cancel(integrationId, externalId));
				forget(integrationId, externalId);
			}
			else {
				pending.add(externalId);
			}
		}
		return new Misses(cancelled, pending);
	}

	/**
	 * The keys of a listing's bookings not cancelled (confirmed or tentative) that a
	 * complete feed covering the range from {@code from} until {@code to} should contain:
	 * those that have not ended yet in their property's time zone and start before
	 * {@code to}. Past stays drop out of channel feeds and are never reported missing.
	 */
	private Set<String> expectedExternalIds(UUID integrationId, String externalListingId, LocalDate from,
			LocalDate to) {
		Map<UUID, LocalDate> today = new HashMap<>();
		Set<String> expected = new HashSet<>();
		jdbc.sql("""
				select external_id, property_id, check_out from bookings
				where integration_id = :integration and external_listing_id = :listing and status <> 'CANCELLED'
				  and check_out > :from and check_in < :to""")
			.param("integration", integrationId)
			.param("listing", externalListingId)
			.param("from", from)
			.param("to", to)
			.query(row -> {
				UUID property = row.getObject("property_id", UUID.class);
				LocalDate localToday = today.computeIfAbsent(property,
						id -> properties.find(id).map(p -> p.today(clock)).orElse(LocalDate.MIN));
				if (row.getObject("check_out", LocalDate.class).isAfter(localToday)) {
					expected.add(row.getString("external_id"));
				}
			});
		return expected;
	}

	/**
	 * @return how many consecutive complete feeds the booking is now missing from
	 */
	private int missed(UUID integrationId, String externalId) {
		int updated = jdbc
			.sql("update missing_bookings set misses = misses + 1 where integration_id = :i and external_id = :e")
			.param("i", integrationId)
			.param("e", externalId)
			.update();
		if (updated == 0) {
			jdbc.sql("""
					insert into missing_bookings (integration_id, external_id, misses, first_missed_at)
					values (:i, :e, 1, :now) on conflict do nothing""")
				.param("i", integrationId)
				.param("e", externalId)
				.param("now", Timestamp.from(clock.instant()))
				.update();
		}
		return jdbc.sql("select misses from missing_bookings where integration_id = :i and external_id = :e")
			.param("i", integrationId)
			.param("e", externalId)
			.query(Integer.class)
			.single();
	}

	/** The bookings of an integration that are missing once already. */
	private Set<String> pending(UUID integrationId) {
		return new HashSet<>(jdbc.sql("select external_id from missing_bookings where integration_id = :i")
			.param("i", integrationId)
			.query(String.class)
			.list());
	}

	private void forget(UUID integrationId, String externalId) {
		jdbc.sql("delete from missing_bookings where integration_id = :i and external_id = :e")
			.param("i", integrationId)
			.param("e", externalId)
			.update();
	}

}

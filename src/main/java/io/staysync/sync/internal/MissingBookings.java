package io.staysync.sync.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counts how many consecutive complete fetches a booking has been missing from. The second
 * miss is the signal to cancel; reappearing resets the count.
 */
@Component
class MissingBookings {

	static final int MISSES_BEFORE_CANCELLING = 2;

	private final JdbcClient jdbc;

	private final Clock clock;

	MissingBookings(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** @return whether the booking has now been missing often enough to cancel it */
	boolean missed(UUID integrationId, String externalId) {
		int updated = jdbc.sql("update missing_bookings set misses = misses + 1 where integration_id = :i and external_id = :e")
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
		int misses = jdbc.sql("select misses from missing_bookings where integration_id = :i and external_id = :e")
			.param("i", integrationId)
			.param("e", externalId)
			.query(Integer.class)
			.single();
		return misses >= MISSES_BEFORE_CANCELLING;
	}

	/** The bookings of an integration that are missing once already. */
	Set<String> pending(UUID integrationId) {
		return new HashSet<>(jdbc.sql("select external_id from missing_bookings where integration_id = :i")
			.param("i", integrationId)
			.query(String.class)
			.list());
	}

	void seen(UUID integrationId, Set<String> externalIds) {
		for (String externalId : externalIds) {
			forget(integrationId, externalId);
		}
	}

	void forget(UUID integrationId, String externalId) {
		jdbc.sql("delete from missing_bookings where integration_id = :i and external_id = :e")
			.param("i", integrationId)
			.param("e", externalId)
			.update();
	}

}

package io.staysync.integrations.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.staysync.channels.ChannelType;
import io.staysync.integrations.WaitingReservation;

/**
 * The reservations each integration's channel holds for Staysync that wait for a listing
 * to be mapped, as the last pulls saw them. They are kept here, not read back from the
 * history of sync runs, because a run says only what one pull saw, in words: a failed
 * pull says nothing about them, and the history is pruned. A complete pull lists every
 * message not acknowledged yet, so it replaces the rows; a reservation whose listing got
 * mapped is applied and acknowledged and so vanishes with the next pull. In between, a
 * listing mapped since the pull is no longer shown as waiting for a mapping.
 */
@Service
public class WaitingReservations {

	private static final Logger log = LoggerFactory.getLogger(WaitingReservations.class);

	/**
	 * The most rows kept per integration: a hostile or broken peer cannot fill a table.
	 */
	static final int MAX_PER_INTEGRATION = 500;

	/**
	 * Longer ids cannot be mapped (listing ids are at most 255 characters) nor stored.
	 */
	static final int MAX_ID_LENGTH = 255;

	private final JdbcClient jdbc;

	private final ListingMappingRepository mappings;

	private final IntegrationRepository integrations;

	private final Clock clock;

	WaitingReservations(JdbcClient jdbc, ListingMappingRepository mappings, IntegrationRepository integrations,
			Clock clock) {
		this.jdbc = jdbc;
		this.mappings = mappings;
		this.integrations = integrations;
		this.clock = clock;
	}

	/**
	 * What a pull found waiting. A reservation seen again keeps the time it was first
	 * seen.
	 */
	@Transactional
	public void record(UUID integrationId, List<WaitingReservation> seen, boolean complete) {
		Map<Key, WaitingReservation> fresh = new LinkedHashMap<>();
		for (WaitingReservation waiting : seen) {
			if (storable(waiting.externalListingId()) && storable(waiting.reference())) {
				fresh.put(new Key(waiting.externalListingId(), waiting.reference()), waiting);
			}
		}
		if (fresh.size() < seen.size()) {
			log.warn("{} waiting reservation(s) of integration {} have ids too long or blank to keep; their run says"
					+ " which", seen.size() - fresh.size(), integrationId);
		}
		Map<Key, Instant> firstSeen = new HashMap<>();
		jdbc.sql("select external_listing_id, reference, first_seen_at from waiting_reservations"
				+ " where integration_id = :i")
			.param("i", integrationId)
			.query((row, n) -> Map.entry(new Key(row.getString(1), row.getString(2)), row.getTimestamp(3).toInstant()))
			.list()
			.forEach(entry -> firstSeen.put(entry.getKey(), entry.getValue()));
		if (complete) {
			jdbc.sql("delete from waiting_reservations where integration_id = :i").param("i", integrationId).update();
		}
		else {
			fresh.keySet().forEach(key -> delete(integrationId, key));
		}
		long kept = complete ? 0 : count(integrationId);
		Instant now = clock.instant();
		for (Map.Entry<Key, WaitingReservation> entry : fresh.entrySet()) {
			if (kept++ >= MAX_PER_INTEGRATION) {
				log.warn("More than {} reservations of integration {} wait for a mapping; the others are named only"
						+ " in its sync runs", MAX_PER_INTEGRATION, integrationId);
				break;
			}
			WaitingReservation waiting = entry.getValue();
			jdbc.sql("insert into waiting_reservations (integration_id, external_listing_id, reference, check_in,"
					+ " check_out, first_seen_at, last_seen_at) values (:i, :l, :r, :in, :out, :first, :now)")
				.param("i", integrationId)
				.param("l", waiting.externalListingId())
				.param("r", waiting.reference())
				.param("in", waiting.checkIn())
				.param("out", waiting.checkOut())
				.param("first", Timestamp.from(firstSeen.getOrDefault(entry.getKey(), now)))
				.param("now", Timestamp.from(now))
				.update();
		}
	}

	/**
	 * What waits for a mapping on this integration now, earliest stay first: the rows of
	 * the last pulls, less the listings mapped since.
	 */
	@Transactional(readOnly = true)
	public List<Waiting> list(UUID integrationId) {
		Set<String> mapped = mappings.findByIntegrationIdOrderByExternalListingId(integrationId)
			.stream()
			.map(ListingMapping::externalListingId)
			.collect(Collectors.toSet());
		List<Waiting> waiting = new ArrayList<>();
		for (Waiting row : jdbc
			.sql("select external_listing_id, reference, check_in, check_out, first_seen_at, last_seen_at"
					+ " from waiting_reservations where integration_id = :i"
					+ " order by check_in, external_listing_id, reference")
			.param("i", integrationId)
			.query((row, n) -> new Waiting(row.getString(1), row.getString(2), row.getObject(3, LocalDate.class),
					row.getObject(4, LocalDate.class), row.getTimestamp(5).toInstant(),
					row.getTimestamp(6).toInstant()))
			.list()) {
			if (!mapped.contains(row.externalListingId())) {
				waiting.add(row);
			}
		}
		return waiting;
	}

	/** The same, by channel; nothing for an integration not configured. */
	@Transactional(readOnly = true)
	public List<Waiting> list(ChannelType type) {
		return integrations.findByType(type).map(integration -> list(integration.id())).orElse(List.of());
	}

	private void delete(UUID integrationId, Key key) {
		jdbc.sql("delete from waiting_reservations where integration_id = :i and external_listing_id = :l"
				+ " and reference = :r")
			.param("i", integrationId)
			.param("l", key.listing())
			.param("r", key.reference())
			.update();
	}

	private long count(UUID integrationId) {
		return jdbc.sql("select count(*) from waiting_reservations where integration_id = :i")
			.param("i", integrationId)
			.query(Long.class)
			.single();
	}

	private static boolean storable(String id) {
		return id != null && !id.isBlank() && id.length() <= MAX_ID_LENGTH;
	}

	/**
	 * One reservation waiting for one listing, and since when Staysync has seen it
	 * waiting (Booking.com e-mails the property a reservation not taken within 30
	 * minutes).
	 */
	public record Waiting(String externalListingId, String reference, LocalDate checkIn, LocalDate checkOut,
			Instant firstSeenAt, Instant lastSeenAt) {
	}

	private record Key(String listing, String reference) {
	}

}

package io.staysync.webhooks.outbound;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code webhook_deliveries} table: the outbox the pollers drain and the delivery log
 * administrators read. A poller claims due rows with
 * {@code SELECT … FOR UPDATE SKIP LOCKED} and moves their next attempt past a lease in
 * the same statement's transaction, so no two instances ever hold the same delivery; an
 * outcome is recorded only by the attempt that claimed it.
 */
@Repository
class DeliveryOutbox {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String COLUMNS = "id, subscription_id, message_id, event_type, payload, status, attempts, "
			+ "created_at, retry_from, next_attempt_at, last_attempt_at, response_status, latency_ms, last_error, "
			+ "delivered_at";

	private final JdbcClient jdbc;

	private final WebhookSubscriptions subscriptions;

	private final Clock clock;

	DeliveryOutbox(JdbcClient jdbc, WebhookSubscriptions subscriptions, Clock clock) {
		this.jdbc = jdbc;
		this.subscriptions = subscriptions;
		this.clock = clock;
	}

	/**
	 * One row per active subscription that wants the type, in the caller's transaction;
	 * the data is only built when one does.
	 * @return how many deliveries were written
	 */
	int enqueue(EventType type, Supplier<Map<String, Object>> data) {
		List<WebhookSubscription> wanting = subscriptions.findActive().stream().filter(s -> s.wants(type)).toList();
		if (wanting.isEmpty()) {
			return 0;
		}
		WebhookMessage message = WebhookMessage.of(type, clock.instant(), data.get());
		String payload = JSON.writeValueAsString(message.body());
		for (WebhookSubscription subscription : wanting) {
			insert(subscription.id(), message, payload);
		}
		return wanting.size();
	}

	/** A message for one subscription only (the test event). */
	Delivery enqueue(UUID subscriptionId, WebhookMessage message) {
		return find(insert(subscriptionId, message, JSON.writeValueAsString(message.body()))).orElseThrow();
	}

	private UUID insert(UUID subscriptionId, WebhookMessage message, String payload) {
		UUID id = UUID.randomUUID();
		Timestamp now = Timestamp.from(clock.instant());
		jdbc.sql("insert into webhook_deliveries (id, subscription_id, message_id, event_type, payload, status, "
				+ "attempts, created_at, retry_from, next_attempt_at) values (:id, :subscription, :message, :type, "
				+ ":payload, 'pending', 0, :now, :now, :now)")
			.param("id", id)
			.param("subscription", subscriptionId)
			.param("message", message.id())
			.param("type", message.type().wireName())
			.param("payload", payload)
			.param("now", now)
			.update();
		return id;
	}

	/**
	 * Claims up to {@code limit} due deliveries for {@code lease}: counted as an attempt,
	 * due again only when the lease ends (an instance that died while sending). Must run
	 * in a transaction of its own, committed before anything is sent.
	 */
	List<Delivery> claim(int limit, Duration lease) {
		Instant now = clock.instant();
		List<UUID> due = jdbc
			.sql("select id from webhook_deliveries where status = 'pending' and next_attempt_at <= :now "
					+ "order by next_attempt_at limit :limit for update skip locked")
			.param("now", Timestamp.from(now))
			.param("limit", limit)
			.query(UUID.class)
			.list();
		if (due.isEmpty()) {
			return List.of();
		}
		jdbc.sql("update webhook_deliveries set attempts = attempts + 1, last_attempt_at = :now, "
				+ "next_attempt_at = :leaseEnd where id in (:ids)")
			.param("now", Timestamp.from(now))
			.param("leaseEnd", Timestamp.from(now.plus(lease)))
			.param("ids", due)
			.update();
		return jdbc.sql("select " + COLUMNS + " from webhook_deliveries where id in (:ids) order by created_at")
			.param("ids", due)
			.query(DeliveryOutbox::row)
			.list();
	}

	/**
	 * Records the outcome of a claimed attempt: {@code nextAttempt} null ends the
	 * delivery with {@code status}. Ignored when the claim has lapsed and another attempt
	 * has started since.
	 */
	boolean record(Delivery claimed, String status, Integer responseStatus, long latencyMillis, String error,
			Instant nextAttempt) {
		Instant now = clock.instant();
		return jdbc
			.sql("update webhook_deliveries set status = :status, response_status = :response, latency_ms = :latency, "
					+ "last_error = :error, next_attempt_at = :next, delivered_at = :delivered "
					+ "where id = :id and attempts = :attempts and status = 'pending'")
			.param("id", claimed.id())
			.param("attempts", claimed.attempts())
			.param("status", status)
			.param("response", responseStatus)
			.param("latency", latencyMillis)
			.param("error", error == null ? null : error.length() > 500 ? error.substring(0, 500) : error)
			.param("next", nextAttempt == null ? null : Timestamp.from(nextAttempt))
			.param("delivered", Delivery.DELIVERED.equals(status) ? Timestamp.from(now) : null)
			.update() > 0;
	}

	/** Ends every pending delivery of a subscription that was switched off. */
	int failPending(UUID subscriptionId, String reason) {
		return jdbc
			.sql("update webhook_deliveries set status = 'failed', next_attempt_at = null, last_error = :reason "
					+ "where subscription_id = :subscription and status = 'pending'")
			.param("subscription", subscriptionId)
			.param("reason", reason)
			.update();
	}

	/**
	 * Sends a logged delivery again, with the same {@code webhook-id} and body, retried
	 * afresh. False when its body is no longer kept.
	 */
	boolean resend(UUID subscriptionId, UUID deliveryId) {
		Timestamp now = Timestamp.from(clock.instant());
		return jdbc
			.sql("update webhook_deliveries set status = 'pending', next_attempt_at = :now, retry_from = :now, "
					+ "delivered_at = null where id = :id and subscription_id = :subscription and payload is not null "
					+ "and status <> 'pending'")
			.param("id", deliveryId)
			.param("subscription", subscriptionId)
			.param("now", now)
			.update() > 0;
	}

	Optional<Delivery> find(UUID id) {
		return jdbc.sql("select " + COLUMNS + " from webhook_deliveries where id = :id")
			.param("id", id)
			.query(DeliveryOutbox::row)
			.optional();
	}

	List<Delivery> page(UUID subscriptionId, int page, int size) {
		return jdbc
			.sql("select " + COLUMNS + " from webhook_deliveries where subscription_id = :subscription "
					+ "order by created_at desc, id limit :size offset :offset")
			.param("subscription", subscriptionId)
			.param("size", size)
			.param("offset", (long) page * size)
			.query(DeliveryOutbox::row)
			.list();
	}

	long count(UUID subscriptionId) {
		return jdbc.sql("select count(*) from webhook_deliveries where subscription_id = :subscription")
			.param("subscription", subscriptionId)
			.query(Long.class)
			.single();
	}

	/**
	 * Clears the bodies older than {@code bodyRetention} and removes finished deliveries
	 * older than {@code logRetention}.
	 */
	int prune(Duration bodyRetention, Duration logRetention) {
		Instant now = clock.instant();
		int cleared = jdbc
			.sql("update webhook_deliveries set payload = null where payload is not null and created_at < :before "
					+ "and status <> 'pending'")
			.param("before", Timestamp.from(now.minus(bodyRetention)))
			.update();
		return cleared + jdbc.sql("delete from webhook_deliveries where status <> 'pending' and created_at < :before")
			.param("before", Timestamp.from(now.minus(logRetention)))
			.update();
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

	private static Delivery row(ResultSet rs, int rowNum) throws SQLException {
		return new Delivery(rs.getObject("id", UUID.class), rs.getObject("subscription_id", UUID.class),
				rs.getString("message_id"), rs.getString("event_type"), rs.getString("payload"), rs.getString("status"),
				rs.getInt("attempts"), instant(rs, "created_at"), instant(rs, "retry_from"),
				instant(rs, "next_attempt_at"), instant(rs, "last_attempt_at"),
				(Integer) rs.getObject("response_status", Integer.class), (Long) rs.getObject("latency_ms", Long.class),
				rs.getString("last_error"), instant(rs, "delivered_at"));
	}

}

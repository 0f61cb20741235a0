package io.staysync.webhooks.outbound;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code webhook_subscriptions} table. */
@Repository
class WebhookSubscriptions {

	private static final String COLUMNS = "id, target_url, event_types, description, active, sealed_secret, "
			+ "secret_hint, sealed_previous_secret, previous_secret_until, failing_since, disabled_reason, "
			+ "created_at, updated_at";

	private final JdbcClient jdbc;

	WebhookSubscriptions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<WebhookSubscription> findAll() {
		return jdbc.sql("select " + COLUMNS + " from webhook_subscriptions order by created_at, id")
			.query(WebhookSubscriptions::row)
			.list();
	}

	List<WebhookSubscription> findActive() {
		return jdbc.sql("select " + COLUMNS + " from webhook_subscriptions where active = true")
			.query(WebhookSubscriptions::row)
			.list();
	}

	Optional<WebhookSubscription> find(UUID id) {
		return jdbc.sql("select " + COLUMNS + " from webhook_subscriptions where id = :id")
			.param("id", id)
			.query(WebhookSubscriptions::row)
			.optional();
	}

	void insert(WebhookSubscription s) {
		jdbc.sql("insert into webhook_subscriptions (" + COLUMNS + ") values (:id, :url, :types, :description, "
				+ ":active, :secret, :hint, :previous, :previousUntil, :failingSince, :disabledReason, :created, "
				+ ":updated)")
			.params(values(s))
			.param("created", timestamp(s.createdAt()))
			.update();
	}

	void update(WebhookSubscription s) {
		jdbc.sql("update webhook_subscriptions set target_url = :url, event_types = :types, description = "
				+ ":description, active = :active, sealed_secret = :secret, secret_hint = :hint, "
				+ "sealed_previous_secret = :previous, previous_secret_until = :previousUntil, failing_since = "
				+ ":failingSince, disabled_reason = :disabledReason, updated_at = :updated where id = :id")
			.params(values(s))
			.update();
	}

	/** What an insert and an update both write; {@code null} values included. */
	private static Map<String, Object> values(WebhookSubscription s) {
		Map<String, Object> values = new HashMap<>();
		values.put("id", s.id());
		values.put("url", s.targetUrl().toString());
		values.put("types", String.join(",", s.eventTypes()));
		values.put("description", s.description());
		values.put("active", s.active());
		values.put("secret", s.sealedSecret());
		values.put("hint", s.secretHint());
		values.put("previous", s.sealedPreviousSecret());
		values.put("previousUntil", timestamp(s.previousSecretUntil()));
		values.put("failingSince", timestamp(s.failingSince()));
		values.put("disabledReason", s.disabledReason());
		values.put("updated", timestamp(s.updatedAt()));
		return values;
	}

	boolean delete(UUID id) {
		return jdbc.sql("delete from webhook_subscriptions where id = :id").param("id", id).update() > 0;
	}

	/** Marks a failed attempt: the first one since the last success starts the clock. */
	void noteFailure(UUID id, Instant at) {
		jdbc.sql("update webhook_subscriptions set failing_since = :at where id = :id and failing_since is null")
			.param("id", id)
			.param("at", Timestamp.from(at))
			.update();
	}

	void noteSuccess(UUID id) {
		jdbc.sql("update webhook_subscriptions set failing_since = null where id = :id and failing_since is not null")
			.param("id", id)
			.update();
	}

	/** Switches a subscription off, once; whether this call did it. */
	boolean disable(UUID id, String reason, Instant at) {
		return jdbc
			.sql("update webhook_subscriptions set active = false, disabled_reason = :reason, updated_at = :at "
					+ "where id = :id and active = true")
			.param("id", id)
			.param("reason", reason)
			.param("at", Timestamp.from(at))
			.update() > 0;
	}

	private static Timestamp timestamp(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

	private static WebhookSubscription row(ResultSet rs, int rowNum) throws SQLException {
		return new WebhookSubscription(rs.getObject("id", UUID.class), URI.create(rs.getString("target_url")),
				Arrays.asList(rs.getString("event_types").split(",")), rs.getString("description"),
				rs.getBoolean("active"), rs.getString("sealed_secret"), rs.getString("secret_hint"),
				rs.getString("sealed_previous_secret"), instant(rs, "previous_secret_until"),
				instant(rs, "failing_since"), rs.getString("disabled_reason"), instant(rs, "created_at"),
				instant(rs, "updated_at"));
	}

}

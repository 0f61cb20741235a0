package io.staysync.webhooks.outbound;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
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
			.param("id", s.id())
			.param("url", s.targetUrl().toString())
			.param("types", String.join(",", s.eventTypes()))
			.param("description", s.description())
			.param("active", s.active())
			.param("secret", s.sealedSecret())
			.param("hint", s.secretHint())
			.param("previous", s.sealedPreviousSecret())
			.param("previousUntil", timestamp(s.previousSecretUntil()))
			.param("failingSince", timestamp(s.failingSince()))
			.param("disabledReason", s.disabledReason())
			.param("created", timestamp(s.createdAt()))
			.param("updated", timestamp(s.updatedAt()))
			.update();
	}

	void update(WebhookSubscription s) {
		jdbc.sql("update webhook_subscriptions set target_url = :url, event_types = :types, description = "
				+ ":description, active = :active, sealed_secret = :secret, secret_hint = :hint, "
				+ "sealed_previous_secret = :previous, previous_secret_until = :previousUntil, failing_since = "
				+ ":failingSince, disabled_reason = :disabledReason, updated_at = :updated where id = :id")
			.param("id", s.id())
			.param("url", s.targetUrl().toString())
			.param("types", String.join(",", s.eventTypes()))
			.param("description", s.description())
			.param("active", s.active())
			.param("secret", s.sealedSecret())
			.param("hint", s.secretHint())
			.param("previous", s.sealedPreviousSecret())
			.param("previousUntil", timestamp(s.previousSecretUntil()))
			.param("failingSince", timestamp(s.failingSince()))
			.param("disabledReason", s.disabledReason())
			.param("updated", timestamp(s.updatedAt()))
			.update();
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

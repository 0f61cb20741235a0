package io.staysync.webhooks.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.staysync.channels.ChannelMode;
import io.staysync.channels.ChannelType;
import io.staysync.common.InvalidInputException;
import io.staysync.integrations.ChannelAccount;
import io.staysync.integrations.ChannelAccounts;
import io.staysync.sync.Recheck;
import io.staysync.sync.SyncRequests;
import io.staysync.sync.SyncTrigger;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Receives a channel notification: verify the raw bytes, then store it once per event id,
 * then ask for a webhook sync (which coalesces with a run already going). A notification
 * is only a hint that something changed: the sync reads the channel itself.
 */
@Service
public class WebhookInbox {

	private final ChannelAccounts accounts;

	private final SyncRequests syncs;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	private final StandardWebhookVerifier verifier;

	WebhookInbox(ChannelAccounts accounts, SyncRequests syncs, JdbcClient jdbc, JsonMapper json, Clock clock) {
		this.accounts = accounts;
		this.syncs = syncs;
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
		this.verifier = new StandardWebhookVerifier(clock);
	}

	@Transactional
	public Receipt receive(ChannelType type, String id, String timestamp, String signature, byte[] body) {
		ChannelAccount account = accounts.find(type)
			.orElseThrow(() -> new WebhookRefused("Webhooks are not set up for " + type.path()
					+ ": configure the integration and its webhook secret."));
		String secret = accounts.webhookSecret(account.id())
			.orElseThrow(
					() -> new WebhookRefused("No webhook secret is configured for " + type.path() + "; refusing."));
		String refusal = verifier.refusal(secret, id, timestamp, signature, body);
		if (refusal != null) {
			throw new WebhookRefused(refusal);
		}
		requireJson(body);
		int stored = jdbc.sql("""
				insert into webhook_inbox (id, integration_id, event_id, received_at, body)
				values (:id, :integration, :event, :at, :body) on conflict do nothing""")
			.param("id", UUID.randomUUID())
			.param("integration", account.id())
			.param("event", id)
			.param("at", Timestamp.from(clock.instant()))
			.param("body", new String(body, StandardCharsets.UTF_8))
			.update();
		if (stored == 0) {
			return new Receipt(id, true, null);
		}
		if (!account.active()) {
			return new Receipt(id, false, null);
		}
		UUID run = syncs.request(type, SyncTrigger.WEBHOOK);
		jdbc.sql(
				"update webhook_inbox set sync_run_id = :run where integration_id = :integration and event_id = :event")
			.param("run", run)
			.param("integration", account.id())
			.param("event", id)
			.update();
		return new Receipt(id, false, run);
	}

	/**
	 * Receives a notification in Airbnb's own format, which carries no signature to
	 * verify: taken only while the Airbnb integration is in API mode (where a re-read
	 * from Airbnb's API decides what it changes), read within
	 * {@link AirbnbNotification#MAX_BYTES}, stored once per key, and turned into a
	 * re-read of what it names. Whatever it says, nothing changes until Airbnb's API says
	 * so.
	 */
	@Transactional
	public Receipt receiveAirbnb(byte[] body) {
		ChannelAccount account = accounts.find(ChannelType.AIRBNB)
			.filter(found -> found.mode() == ChannelMode.API)
			.orElseThrow(() -> new WebhookRefused("Notifications in Airbnb's own format are taken only while the"
					+ " Airbnb integration is connected in API mode; otherwise sign them as Standard Webhooks"
					+ " (webhook-id, webhook-timestamp and webhook-signature headers are all required)."));
		if (body.length > AirbnbNotification.MAX_BYTES) {
			throw new NotificationTooLarge(AirbnbNotification.MAX_BYTES);
		}
		AirbnbNotification notification = AirbnbNotification.read(json, body);
		int stored = jdbc.sql("""
				insert into webhook_inbox (id, integration_id, event_id, received_at, body)
				values (:id, :integration, :event, :at, :body) on conflict do nothing""")
			.param("id", UUID.randomUUID())
			.param("integration", account.id())
			.param("event", notification.key())
			.param("at", Timestamp.from(clock.instant()))
			.param("body", AirbnbNotification.text(body))
			.update();
		if (stored == 0) {
			return new Receipt(notification.key(), true, null);
		}
		Recheck recheck = notification.recheck();
		if (recheck == null) {
			return new Receipt(notification.key(), false, null);
		}
		UUID run = syncs.recheck(ChannelType.AIRBNB, recheck);
		if (run != null) {
			jdbc.sql("update webhook_inbox set sync_run_id = :run where integration_id = :integration"
					+ " and event_id = :event")
				.param("run", run)
				.param("integration", account.id())
				.param("event", notification.key())
				.update();
		}
		return new Receipt(notification.key(), false, run);
	}

	private void requireJson(byte[] body) {
		try {
			json.readTree(body);
		}
		catch (JacksonException malformed) {
			throw InvalidInputException
				.of(java.util.List.of(new InvalidInputException.FieldProblem("body", "is not valid JSON")));
		}
	}

	/**
	 * What happened to a notification: stored (and which sync it asked for) or a
	 * duplicate.
	 */
	public record Receipt(String eventId, boolean duplicate, UUID syncRunId) {
	}

}

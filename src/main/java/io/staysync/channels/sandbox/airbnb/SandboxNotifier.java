package io.staysync.channels.sandbox.airbnb;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

import io.staysync.common.http.ApiCall;
import io.staysync.common.http.FetchException;
import io.staysync.common.http.GuardedHttpClient;

/**
 * Posts Airbnb-style notifications ({@code {action, reservation: {confirmation_code,
 * listing_id, status_type, …}}}) to Staysync when a sandbox reservation changes, to
 * {@code staysync.sandbox.airbnb.webhook-url} or this instance's own webhook route. An
 * error answer or an unreachable Staysync is recorded, never thrown: Airbnb does not stop
 * either.
 */
@Component
class SandboxNotifier {

	private static final Logger log = LoggerFactory.getLogger(SandboxNotifier.class);

	static final String OWN_WEBHOOK = "/api/integrations/airbnb/webhook";

	private final GuardedHttpClient http;

	private final AirbnbSandboxSettings settings;

	private final Environment environment;

	private final JsonMapper json = JsonMapper.builder().build();

	private final List<AirbnbSandbox.Notification> posted = new CopyOnWriteArrayList<>();

	SandboxNotifier(GuardedHttpClient http, AirbnbSandboxSettings settings, Environment environment) {
		this.http = http;
		this.settings = settings;
		this.environment = environment;
	}

	void notify(String action, SandboxReservation reservation) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("action", action);
		body.put("reservation", reservation.notification());
		byte[] bytes = json.writeValueAsBytes(body);
		URI target = target();
		Integer status;
		String problem = null;
		try {
			status = http.call(ApiCall.post(target, Map.of("Accept", "application/json"), bytes, "application/json"))
				.status();
		}
		catch (FetchException failed) {
			status = failed.httpStatus();
			problem = failed.getMessage();
			log.debug("The Airbnb sandbox's notification {} for {} was not taken: {}", action,
					reservation.confirmationCode(), problem);
		}
		posted.add(new AirbnbSandbox.Notification(action, reservation.confirmationCode(),
				new String(bytes, java.nio.charset.StandardCharsets.UTF_8), status, problem));
	}

	List<AirbnbSandbox.Notification> posted() {
		return List.copyOf(posted);
	}

	void clear() {
		posted.clear();
	}

	private URI target() {
		if (settings.webhookUrl() != null && !settings.webhookUrl().isBlank()) {
			return URI.create(settings.webhookUrl().strip());
		}
		return URI.create(
				"http://localhost:" + environment.getProperty("local.server.port", Integer.class, 8080) + OWN_WEBHOOK);
	}

}

package io.staysync.channels.bookingcom;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import io.staysync.channels.ChannelCredentials;
import io.staysync.channels.bookingcom.BookingComException.Reason;
import io.staysync.common.http.ApiCall;
import io.staysync.common.http.Backoff;
import io.staysync.common.http.FetchException;
import io.staysync.common.http.FetchFailure;
import io.staysync.common.http.FetchResponse;
import io.staysync.common.RunMode;
import io.staysync.common.http.GuardedHttpClient;

/**
 * Booking.com's Connectivity API, OTA flavour, through the guarded HTTP client: the token
 * exchange (cached, at most {@code max-tokens-per-hour}), pulls of both reservation
 * queues, their acknowledgements and availability. A 401 exchanges a new token once.
 * Pulls are retried on 429 (after its Retry-After), 5xx and network failures, within 20
 * seconds; an acknowledgement is never retried: when its answer is lost, the reservations
 * come back with the next pull and are applied again without effect.
 */
@Component
class BookingComClient {

	private static final Logger log = LoggerFactory.getLogger(BookingComClient.class);

	static final String XML = "application/xml";

	static final Backoff PULL_BACKOFF = Backoff.CHANNEL_CALLS;

	private final GuardedHttpClient http;

	private final BookingComSettings settings;

	private final Clock clock;

	private final TokenCache tokens;

	private final OtaParser parser = new OtaParser();

	private final OtaWriter writer = new OtaWriter();

	private final JsonMapper json = JsonMapper.builder().build();

	private final Backoff.Sleeper sleeper;

	/** This instance's port, when it talks to its own sandbox; else {@code null}. */
	private final IntSupplier sandboxPort;

	/**
	 * The application's client: against Booking.com, or against this instance's sandbox
	 * in demo mode and when the settings say so.
	 */
	@Autowired
	BookingComClient(GuardedHttpClient http, BookingComSettings settings, Clock clock, RunMode runMode,
			Environment environment) {
		this(http, settings, clock, Backoff.Sleeper.REAL, settings.sandbox() || runMode.demo()
				? () -> environment.getProperty("local.server.port", Integer.class, -1) : null);
	}

	BookingComClient(GuardedHttpClient http, BookingComSettings settings, Clock clock, Backoff.Sleeper sleeper) {
		this(http, settings, clock, sleeper, null);
	}

	private BookingComClient(GuardedHttpClient http, BookingComSettings settings, Clock clock, Backoff.Sleeper sleeper,
			IntSupplier sandboxPort) {
		this.http = http;
		this.settings = settings;
		this.clock = clock;
		this.sleeper = sleeper;
		this.sandboxPort = sandboxPort;
		this.tokens = new TokenCache(clock, settings.tokenRenewBefore(), settings.maxTokensPerHour());
	}

	BookingComSettings settings() {
		return settings;
	}

	/** The reservations waiting in one queue: the same ones again until acknowledged. */
	OtaDocument pull(ChannelCredentials credentials, OtaQueue queue) throws BookingComException {
		URI url = endpoint(reservationsUrl(), queue.path());
		Duration waited = Duration.ZERO;
		for (int attempt = 1;; attempt++) {
			try {
				return parse(authorized(credentials, jwt -> ApiCall.get(url, headers(jwt))));
			}
			catch (BookingComException failed) {
				Duration wait = failed.passing() ? PULL_BACKOFF.next(attempt, waited, failed.retryAfter()) : null;
				if (wait == null) {
					throw failed;
				}
				log.debug("Pull of {} failed ({}); attempt {} in {} ms", queue.path(), failed.reason(), attempt + 1,
						wait.toMillis());
				pause(wait);
				waited = waited.plus(wait);
			}
		}
	}

	/**
	 * Takes these reservations off their queue. An answer with {@code Errors} leaves them
	 * queued: they come back with the next pull.
	 */
	OtaDocument acknowledge(ChannelCredentials credentials, OtaQueue queue, List<String> resIds)
			throws BookingComException {
		URI url = endpoint(reservationsUrl(), queue.path());
		byte[] body = writer.acknowledgement(queue, resIds, clock.instant());
		return parse(authorized(credentials, jwt -> ApiCall.post(url, headers(jwt), body, XML)));
	}

	/** One hotel's availability; a 200 may still carry errors for some of its ranges. */
	OtaDocument pushAvailability(ChannelCredentials credentials, String hotelCode,
			List<OtaWriter.AvailabilityRange> ranges) throws BookingComException {
		URI url = endpoint(availabilityUrl(), "OTA_HotelAvailNotif");
		byte[] body = writer.availability(hotelCode, ranges, clock.instant());
		return parse(authorized(credentials, jwt -> {
			Map<String, String> withToken = new LinkedHashMap<>(headers(jwt));
			withToken.put("Accept-Version", "1.1");
			return ApiCall.post(url, withToken, body, XML);
		}));
	}

	/** A token for this machine account: the cached one, or a new exchange. */
	String token(ChannelCredentials credentials) throws BookingComException {
		requireCredentials(credentials);
		String cached = tokens.current(credentials.apiKey(), credentials.apiSecret());
		if (cached != null) {
			return cached;
		}
		Duration wait = tokens.reserveExchange(credentials.apiKey());
		if (wait != null) {
			throw new BookingComException(Reason.THROTTLED,
					"Staysync already exchanged " + settings.maxTokensPerHour() + " tokens for this machine account"
							+ " in the last hour, the most Booking.com allows; it tries again in "
							+ Math.max(1, wait.toMinutes()) + " minutes.",
					null, wait);
		}
		byte[] body = json
			.writeValueAsBytes(Map.of("client_id", credentials.apiKey(), "client_secret", credentials.apiSecret()));
		FetchResponse answer;
		try {
			answer = http
				.call(ApiCall.post(tokenUrl(), Map.of("Accept", "application/json"), body, "application/json"));
		}
		catch (FetchException failed) {
			Integer status = failed.httpStatus();
			if (status != null && (status == 400 || status == 401 || status == 403)) {
				throw new BookingComException(Reason.CREDENTIALS,
						"Booking.com refused the client id or secret of the machine account (HTTP " + status
								+ "). Check both in the Provider Portal and enter them again.",
						status, null);
			}
			throw failure(failed);
		}
		TokenAnswer token;
		try {
			token = json.readValue(answer.body(), TokenAnswer.class);
		}
		catch (JacksonException unreadable) {
			token = null;
		}
		if (token == null || token.jwt() == null || token.jwt().isBlank()) {
			throw new BookingComException(Reason.MALFORMED,
					"Booking.com's token exchange answered without a token; try again later.", answer.status(), null);
		}
		tokens.store(credentials.apiKey(), credentials.apiSecret(), token.jwt());
		log.debug("Exchanged a Booking.com token for a machine account (RUID {})", token.ruid());
		return token.jwt();
	}

	private FetchResponse authorized(ChannelCredentials credentials, CallWithToken call) throws BookingComException {
		for (int attempt = 1;; attempt++) {
			String jwt = token(credentials);
			try {
				return http.call(call.with(jwt));
			}
			catch (FetchException failed) {
				if (Integer.valueOf(401).equals(failed.httpStatus())) {
					tokens.forget(credentials.apiKey(), credentials.apiSecret());
					if (attempt == 1) {
						// Expired or revoked in the middle of a batch: one new token,
						// once.
						continue;
					}
					throw new BookingComException(Reason.CREDENTIALS,
							"Booking.com refused a fresh token of this machine account (HTTP 401). Check that the"
									+ " machine account is active and has the reservations and availability APIs.",
							401, null);
				}
				throw failure(failed);
			}
		}
	}

	private OtaDocument parse(FetchResponse response) throws BookingComException {
		try {
			return parser.parse(response.body());
		}
		catch (MalformedOtaException malformed) {
			throw new BookingComException(Reason.MALFORMED, malformed.getMessage(), response.status(), null);
		}
	}

	static BookingComException failure(FetchException failed) {
		Integer status = failed.httpStatus();
		if (failed.failure() == FetchFailure.HTTP_ERROR && status != null) {
			if (status == 403) {
				return new BookingComException(Reason.NO_ACCESS,
						"Booking.com says this machine account has no access"
								+ " to the hotel (HTTP 403). Connect the hotel to Staysync in the Provider Portal.",
						status, null);
			}
			if (status == 429) {
				return new BookingComException(Reason.THROTTLED,
						"Booking.com asked Staysync to slow down (HTTP 429); it tries again later.", status,
						failed.retryAfter());
			}
			if (status >= 500) {
				return new BookingComException(Reason.DOWN,
						"Booking.com is having problems of its own (HTTP " + status + "); Staysync tries again later.",
						status, failed.retryAfter());
			}
			return new BookingComException(Reason.REFUSED, "Booking.com refused the request (HTTP " + status + ").",
					status, null);
		}
		if (failed.failure() == FetchFailure.TOO_LARGE) {
			return new BookingComException(Reason.MALFORMED, failed.getMessage(), null, null);
		}
		return new BookingComException(Reason.NETWORK,
				"Booking.com could not be reached: " + failed.getMessage() + " Staysync tries again later.", null,
				null);
	}

	private URI tokenUrl() {
		return sandboxPort == null ? settings.tokenUrl()
				: URI.create(sandboxBase() + "/token-based-authentication/exchange");
	}

	private URI reservationsUrl() {
		return sandboxPort == null ? settings.reservationsUrl() : URI.create(sandboxBase());
	}

	private URI availabilityUrl() {
		return sandboxPort == null ? settings.availabilityUrl() : URI.create(sandboxBase());
	}

	/** Resolved per call: the port is only known once the server listens. */
	private String sandboxBase() {
		return "http://localhost:" + sandboxPort.getAsInt() + "/sandbox/booking-com";
	}

	private static Map<String, String> headers(String jwt) {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Accept", XML);
		if (jwt != null) {
			headers.put("Authorization", "Bearer " + jwt);
		}
		return headers;
	}

	private static URI endpoint(URI base, String name) {
		String root = base.toString().endsWith("/") ? base.toString() : base + "/";
		return URI.create(root + "hotels/ota/" + name);
	}

	private static void requireCredentials(ChannelCredentials credentials) throws BookingComException {
		if (credentials.apiKey() == null || credentials.apiKey().isBlank() || credentials.apiSecret() == null
				|| credentials.apiSecret().isBlank()) {
			throw new BookingComException(Reason.CREDENTIALS, "Enter the client id (API key) and client secret (API"
					+ " secret) of a Booking.com machine account first.", null, null);
		}
	}

	private void pause(Duration wait) throws BookingComException {
		try {
			sleeper.sleep(wait.toMillis());
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			throw new BookingComException(Reason.NETWORK, "The pull was interrupted.", null, null);
		}
	}

	private interface CallWithToken {

		ApiCall with(String jwt);

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record TokenAnswer(String jwt, String ruid) {

		@Override
		public String toString() {
			return "TokenAnswer[ruid=" + ruid + "]";
		}

	}

}

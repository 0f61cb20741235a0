package io.staysync.channels.airbnb;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.staysync.channels.ChannelCredentials;
import io.staysync.channels.OAuthTokenStore;
import io.staysync.channels.OAuthTokens;
import io.staysync.channels.airbnb.AirbnbErrors.AirbnbError;
import io.staysync.channels.airbnb.AirbnbException.Reason;
import io.staysync.common.RunMode;
import io.staysync.common.http.ApiCall;
import io.staysync.common.http.Backoff;
import io.staysync.common.http.FetchException;
import io.staysync.common.http.FetchResponse;
import io.staysync.common.http.GuardedHttpClient;

/**
 * Airbnb's partner API through the guarded HTTP client. The client id and secret are the
 * integration's API key and secret; the host's tokens come from the
 * {@link OAuthTokenStore} for every call. An access token is refreshed shortly before it
 * expires and once when Airbnb answers 401 (one refresh per integration at a time; a
 * renewed token is stored at once); a refresh Airbnb refuses, or an
 * {@code authorization_revoked} error, is reported to the store, which turns the
 * integration to error saying to reconnect. Calls are retried on 405, 429 and 503 (after
 * their Retry-After), other 5xx and network failures, within the shared
 * {@link Backoff#CHANNEL_CALLS}. Answers are read as JSON trees here and never leave this
 * package.
 */
@Component
class AirbnbClient {

	private static final Logger log = LoggerFactory.getLogger(AirbnbClient.class);

	static final String JSON = "application/json";

	static final Backoff BACKOFF = Backoff.CHANNEL_CALLS;

	/** What Airbnb's documentation (as quoted by partners) gives an access token. */
	static final Duration TOKEN_LIFETIME = Duration.ofHours(24);

	private final GuardedHttpClient http;

	private final AirbnbSettings settings;

	private final Clock clock;

	private final Supplier<OAuthTokenStore> tokenStore;

	private final Backoff.Sleeper sleeper;

	/** This instance's port, when it talks to its own sandbox; else {@code null}. */
	private final IntSupplier sandboxPort;

	private final JsonMapper json = JsonMapper.builder().build();

	private final AirbnbErrors errors = new AirbnbErrors(json);

	/** One refresh per integration at a time: Airbnb may rotate refresh tokens. */
	private final Map<UUID, Object> refreshes = new ConcurrentHashMap<>();

	/**
	 * The application's client: against Airbnb, or against this instance's sandbox in
	 * demo mode and when the settings say so. The token store is the vault-backed one of
	 * the integrations module; until it exists every call says to connect Airbnb first.
	 */
	@Autowired
	AirbnbClient(GuardedHttpClient http, AirbnbSettings settings, Clock clock, RunMode runMode, Environment environment,
			ObjectProvider<OAuthTokenStore> tokenStores) {
		this(http, settings, clock, tokenStores::getIfAvailable, Backoff.Sleeper.REAL,
				settings.sandbox() || runMode.demo()
						? () -> environment.getProperty("local.server.port", Integer.class, -1) : null);
	}

	/** Against the URLs of the settings, with these tokens: for tests. */
	AirbnbClient(GuardedHttpClient http, AirbnbSettings settings, Clock clock, OAuthTokenStore tokenStore,
			Backoff.Sleeper sleeper) {
		this(http, settings, clock, () -> tokenStore, sleeper, null);
	}

	private AirbnbClient(GuardedHttpClient http, AirbnbSettings settings, Clock clock,
			Supplier<OAuthTokenStore> tokenStore, Backoff.Sleeper sleeper, IntSupplier sandboxPort) {
		this.http = http;
		this.settings = settings;
		this.clock = clock;
		this.tokenStore = tokenStore;
		this.sleeper = sleeper;
		this.sandboxPort = sandboxPort;
	}

	AirbnbSettings settings() {
		return settings;
	}

	/** The consent page for this client, coming back to {@code redirectUri}. */
	URI authorizeUrl(String clientId, URI redirectUri, String state) {
		StringBuilder url = new StringBuilder(authorizeBase().toString());
		url.append(url.indexOf("?") < 0 ? '?' : '&')
			.append("client_id=")
			.append(encode(clientId))
			.append("&redirect_uri=")
			.append(encode(redirectUri.toString()));
		if (!settings.scope().isEmpty()) {
			url.append("&scope=").append(encode(settings.scope()));
		}
		url.append("&state=").append(encode(state));
		return URI.create(url.toString());
	}

	/** Exchanges an authorization code for the host's tokens. */
	OAuthTokens exchange(String clientId, String clientSecret, String code) throws AirbnbException {
		requireClient(clientId, clientSecret);
		if (code == null || code.isBlank()) {
			throw new AirbnbException(Reason.CREDENTIALS, "Airbnb sent no authorization code back; connect again.");
		}
		FetchResponse answer;
		try {
			answer = tokenCall(clientId, clientSecret, Map.of("code", code));
		}
		catch (FetchException failed) {
			Integer status = failed.httpStatus();
			if (status != null && (status == 400 || status == 401 || status == 403)) {
				AirbnbError error = errors.read(failed.errorBody());
				throw new AirbnbException(Reason.CREDENTIALS,
						"Airbnb refused to authorize Staysync (HTTP " + status + error.said()
								+ "). The code may have expired or been used already, or the client id or"
								+ " secret (API key and secret) may be wrong: check them and connect again.",
						status, null);
			}
			throw errors.of(failed);
		}
		return tokens(answer, null);
	}

	/**
	 * Renews the access token of {@code stale}, unless another caller did meanwhile.
	 * Airbnb refusing it revokes the authorization in the store.
	 */
	OAuthTokens refresh(ChannelCredentials credentials, OAuthTokens stale) throws AirbnbException {
		UUID id = credentials.integrationId();
		synchronized (refreshes.computeIfAbsent(id, key -> new Object())) {
			OAuthTokenStore store = store();
			OAuthTokens current = store.tokens(id).orElseThrow(AirbnbClient::notConnected);
			if (!current.accessToken().equals(stale.accessToken()) && fresh(current)) {
				return current;
			}
			if (current.refreshToken() == null || current.refreshToken().isBlank()) {
				throw revoke(id, "there is no refresh token to renew the access with", null);
			}
			FetchResponse answer;
			try {
				answer = tokenCall(credentials.apiKey(), credentials.apiSecret(),
						Map.of("refresh_token", current.refreshToken()));
			}
			catch (FetchException failed) {
				Integer status = failed.httpStatus();
				if (status != null && (status == 400 || status == 401 || status == 403)) {
					AirbnbError error = errors.read(failed.errorBody());
					if ("invalid_client".equals(error.type())) {
						throw new AirbnbException(Reason.CREDENTIALS,
								"Airbnb refused the client id or secret (API key"
										+ " and secret) of the integration (HTTP " + status + "); check them.",
								status, null);
					}
					throw revoke(id, "it refused to renew the access token, HTTP " + status + error.said(), status);
				}
				throw errors.of(failed);
			}
			OAuthTokens renewed = tokens(answer, current);
			store.store(id, renewed);
			log.debug("Renewed the Airbnb access token of integration {} (valid until {})", id, renewed.expiresAt());
			return renewed;
		}
	}

	/** The connected account ({@code users/me}). */
	JsonNode me(ChannelCredentials credentials) throws AirbnbException {
		JsonNode answer = get(credentials, "users/me", Map.of(), "the account request");
		JsonNode user = answer.get("user");
		return user != null && user.isObject() ? user : answer;
	}

	/** Every listing of the connected account, page by page. */
	List<JsonNode> listings(ChannelCredentials credentials) throws AirbnbException {
		List<JsonNode> listings = new ArrayList<>();
		Map<String, String> query = new LinkedHashMap<>();
		String account = credentials.integrationId() == null ? null
				: store().tokens(credentials.integrationId()).map(OAuthTokens::accountId).orElse(null);
		if (account != null) {
			query.put("user_id", account);
		}
		for (JsonNode listing : pages(credentials, "listings", query, "listings", "the listings of the account")) {
			JsonNode wrapped = listing.get("listing");
			listings.add(wrapped != null && wrapped.isObject() ? wrapped : listing);
		}
		return listings;
	}

	/** Every reservation of one listing, whatever its status, page by page. */
	List<JsonNode> reservations(ChannelCredentials credentials, String listingId) throws AirbnbException {
		Map<String, String> query = new LinkedHashMap<>();
		query.put("listing_id", listingId);
		query.put("all_status", "true");
		return pages(credentials, "reservations", query, "reservations", "the reservations of listing " + listingId);
	}

	/** One reservation by confirmation code; empty when Airbnb knows none (404). */
	Optional<JsonNode> reservation(ChannelCredentials credentials, String confirmationCode) throws AirbnbException {
		try {
			JsonNode answer = get(credentials, "reservations/" + encode(confirmationCode), Map.of(),
					"the request for reservation " + confirmationCode);
			JsonNode wrapped = answer.get("reservation");
			return Optional.of(wrapped != null && wrapped.isObject() ? wrapped : answer);
		}
		catch (AirbnbException failed) {
			if (failed.reason() == Reason.NOT_FOUND) {
				return Optional.empty();
			}
			throw failed;
		}
	}

	/** Sends one listing's availability; Airbnb's answer when it took it. */
	JsonNode calendarOperations(ChannelCredentials credentials, byte[] body) throws AirbnbException {
		URI url = api("calendar_operations", Map.of("_allow_dates_overlap", "true"));
		return read(withBackoff(
				() -> authorized(credentials, token -> ApiCall.post(url, headers(credentials, token), body, JSON))),
				"the availability push");
	}

	private JsonNode get(ChannelCredentials credentials, String path, Map<String, String> query, String what)
			throws AirbnbException {
		URI url = api(path, query);
		return read(withBackoff(() -> authorized(credentials, token -> ApiCall.get(url, headers(credentials, token)))),
				what);
	}

	/**
	 * Every item of a paged list: by the answer's {@code paging.next_offset} when it has
	 * one, otherwise until a short page. At most {@code max-pages} pages: a peer that
	 * never stops (or whose offsets do not move on) is a fault, said plainly.
	 */
	private List<JsonNode> pages(ChannelCredentials credentials, String path, Map<String, String> query,
			String listField, String what) throws AirbnbException {
		List<JsonNode> items = new ArrayList<>();
		long offset = 0;
		for (int page = 1;; page++) {
			if (page > settings.maxPages()) {
				throw new AirbnbException(Reason.MALFORMED,
						"Airbnb kept sending more pages of " + what + " after " + settings.maxPages() + " pages of "
								+ settings.pageSize() + "; Staysync stopped reading them (a paging fault on Airbnb's"
								+ " side?) and changed nothing. It tries again with the next sync.");
			}
			Map<String, String> pageQuery = new LinkedHashMap<>(query);
			pageQuery.put("_limit", String.valueOf(settings.pageSize()));
			pageQuery.put("_offset", String.valueOf(offset));
			JsonNode answer = get(credentials, path, pageQuery, what);
			JsonNode list = answer.get(listField);
			if (list == null || !list.isArray()) {
				throw new AirbnbException(Reason.MALFORMED,
						"Airbnb's answer for " + what + " has no list of " + listField + "; nothing was changed.");
			}
			list.values().forEach(items::add);
			JsonNode paging = answer.get("paging");
			JsonNode next = paging == null ? null : paging.get("next_offset");
			if (next != null && !next.isNull()) {
				if (!next.canConvertToLong() || next.asLong() <= offset) {
					throw new AirbnbException(Reason.MALFORMED,
							"Airbnb's paging of " + what + " does not move on (next offset " + next + " after " + offset
									+ "); nothing was changed.");
				}
				offset = next.asLong();
			}
			else if (next != null || list.size() < settings.pageSize() || list.isEmpty()) {
				return items;
			}
			else {
				offset += list.size();
			}
		}
	}

	/**
	 * One call with the current access token: refreshed before expiry and once on 401.
	 */
	private FetchResponse authorized(ChannelCredentials credentials, CallWithToken call) throws AirbnbException {
		requireClient(credentials.apiKey(), credentials.apiSecret());
		UUID id = credentials.integrationId();
		if (id == null) {
			throw notConnected();
		}
		OAuthTokens tokens = store().tokens(id).orElseThrow(AirbnbClient::notConnected);
		if (!fresh(tokens)) {
			tokens = refresh(credentials, tokens);
		}
		for (int attempt = 1;; attempt++) {
			try {
				return http.call(call.with(tokens.accessToken()));
			}
			catch (FetchException failed) {
				AirbnbException failure = errors.of(failed);
				if (failure.reason() == Reason.REVOKED) {
					store().revoked(id, failure.getMessage());
					throw failure;
				}
				if (failure.reason() == Reason.CREDENTIALS && attempt == 1) {
					// Expired or renewed elsewhere in the middle of a walk: one refresh,
					// once.
					tokens = refresh(credentials, tokens);
					continue;
				}
				if (failure.reason() == Reason.CREDENTIALS) {
					throw new AirbnbException(Reason.CREDENTIALS, "Airbnb refused a freshly renewed access token"
							+ " (HTTP 401). If this goes on, connect Airbnb again.", 401, null);
				}
				throw failure;
			}
		}
	}

	/** Retries what may pass, after Airbnb's Retry-After or a jittered wait. */
	private FetchResponse withBackoff(Call call) throws AirbnbException {
		Duration waited = Duration.ZERO;
		for (int attempt = 1;; attempt++) {
			try {
				return call.run();
			}
			catch (AirbnbException failed) {
				Duration wait = failed.passing() ? BACKOFF.next(attempt, waited, failed.retryAfter()) : null;
				if (wait == null) {
					throw failed;
				}
				log.debug("Airbnb call failed ({}); attempt {} in {} ms", failed.reason(), attempt + 1,
						wait.toMillis());
				try {
					sleeper.sleep(wait.toMillis());
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					throw new AirbnbException(Reason.NETWORK, "The call to Airbnb was interrupted.");
				}
				waited = waited.plus(wait);
			}
		}
	}

	private FetchResponse tokenCall(String clientId, String clientSecret, Map<String, String> body)
			throws FetchException {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Accept", JSON);
		headers.put("Authorization", "Basic "
				+ Base64.getEncoder().encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8)));
		return http.call(ApiCall.post(api("oauth2/authorizations", Map.of("_unwrapped", "true")), headers,
				json.writeValueAsBytes(body), JSON));
	}

	/**
	 * The token answer: {@code {access_token, expires_at, refresh_token, user_id}}, also
	 * when wrapped in one object. A refresh that sends no new refresh token keeps the old
	 * one.
	 */
	private OAuthTokens tokens(FetchResponse answer, OAuthTokens previous) throws AirbnbException {
		JsonNode node = read(answer, "the token request");
		if (node.get("access_token") == null && node.size() == 1 && node.values().iterator().next().isObject()) {
			node = node.values().iterator().next();
		}
		String access = text(node, "access_token");
		if (access == null || access.isBlank()) {
			throw new AirbnbException(Reason.MALFORMED,
					"Airbnb's token answer holds no access token; connect Airbnb again later.", answer.status(), null);
		}
		String refresh = text(node, "refresh_token");
		JsonNode expires = node.get("expires_at");
		Instant expiresAt = expires != null && expires.canConvertToLong() && expires.isNumber()
				? Instant.ofEpochSecond(expires.asLong()) : clock.instant().plus(TOKEN_LIFETIME);
		JsonNode user = node.get("user_id");
		String account = user != null && (user.isNumber() || user.isString()) ? user.asString()
				: previous == null ? null : previous.accountId();
		return new OAuthTokens(access, refresh != null ? refresh : previous == null ? null : previous.refreshToken(),
				expiresAt, account);
	}

	private JsonNode read(FetchResponse response, String what) throws AirbnbException {
		try {
			JsonNode node = json.readTree(response.body());
			if (node == null || !node.isObject()) {
				throw AirbnbErrors.unreadable(response.body(), what);
			}
			return node;
		}
		catch (JacksonException unreadable) {
			throw AirbnbErrors.unreadable(response.body(), what);
		}
	}

	private boolean fresh(OAuthTokens tokens) {
		return !tokens.expiresBefore(clock.instant().plus(settings.tokenRenewBefore()));
	}

	private AirbnbException revoke(UUID id, String why, Integer status) throws AirbnbException {
		String message = AirbnbErrors.RECONNECT.formatted(why);
		store().revoked(id, message);
		return new AirbnbException(Reason.REVOKED, message, status, null);
	}

	private OAuthTokenStore store() throws AirbnbException {
		OAuthTokenStore store = tokenStore.get();
		if (store == null) {
			throw notConnected();
		}
		return store;
	}

	private static AirbnbException notConnected() {
		return new AirbnbException(Reason.NOT_CONNECTED,
				"Airbnb is not connected yet: connect Airbnb first (Integrations, Airbnb, Connect) so that the host"
						+ " allows Staysync to read reservations and update the calendar.");
	}

	private static void requireClient(String clientId, String clientSecret) throws AirbnbException {
		if (clientId == null || clientId.isBlank() || clientSecret == null || clientSecret.isBlank()) {
			throw new AirbnbException(Reason.CREDENTIALS, "Enter the client id (API key) and client secret (API"
					+ " secret) of Staysync's Airbnb partner application first.");
		}
	}

	private Map<String, String> headers(ChannelCredentials credentials, String accessToken) {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Accept", JSON);
		headers.put("X-Airbnb-OAuth-Token", accessToken);
		headers.put("X-Airbnb-API-Key", credentials.apiKey());
		return headers;
	}

	private URI api(String path, Map<String, String> query) {
		String base = apiBase().toString();
		StringBuilder url = new StringBuilder(base.endsWith("/") ? base : base + "/").append(path);
		char separator = '?';
		for (Map.Entry<String, String> parameter : query.entrySet()) {
			url.append(separator).append(encode(parameter.getKey())).append('=').append(encode(parameter.getValue()));
			separator = '&';
		}
		return URI.create(url.toString());
	}

	private URI apiBase() {
		return sandboxPort == null ? settings.apiUrl() : URI.create(sandboxBase() + "/v2");
	}

	private URI authorizeBase() {
		return sandboxPort == null ? settings.authorizeUrl() : URI.create(sandboxBase() + "/oauth2/auth");
	}

	/** Resolved per call: the port is only known once the server listens. */
	private String sandboxBase() {
		return "http://localhost:" + sandboxPort.getAsInt() + "/sandbox/airbnb";
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return value != null && value.isString() ? value.asString() : null;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
	}

	private interface CallWithToken {

		ApiCall with(String accessToken);

	}

	private interface Call {

		FetchResponse run() throws AirbnbException;

	}

}

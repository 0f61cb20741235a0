package io.staysync.channels.sandbox.airbnb;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.stereotype.Component;

import io.staysync.channels.sandbox.SandboxFaults;
import io.staysync.common.RunMode;

/**
 * The state of the Airbnb sandbox: the host's listings, their reservations and calendar,
 * the OAuth codes and tokens it issued, and the faults it injects. Tests and demo mode
 * drive it directly: they create, alter and cancel reservations (each change is notified
 * to Staysync as Airbnb would), expire or revoke tokens, turn faults on and read each
 * night's availability as pushed. Demo mode and tests only.
 */
@Component
public class AirbnbSandbox {

	private final AirbnbSandboxSettings settings;

	private final Clock clock;

	private final boolean active;

	private final SandboxNotifier notifier;

	private final SecureRandom random = new SecureRandom();

	private final Map<Long, String> listings = new LinkedHashMap<>();

	private final Map<String, SandboxReservation> reservations = new LinkedHashMap<>();

	private final Map<Long, Map<LocalDate, Boolean>> calendar = new HashMap<>();

	private final Map<String, Code> codes = new HashMap<>();

	private final Map<String, Grant> grants = new HashMap<>();

	private final AtomicInteger requests = new AtomicInteger();

	private final AtomicInteger refreshes = new AtomicInteger();

	private final List<CalendarOperation> operations = new CopyOnWriteArrayList<>();

	private volatile SandboxFaults faults;

	AirbnbSandbox(AirbnbSandboxSettings settings, Clock clock, RunMode runMode, SandboxNotifier notifier) {
		this.settings = settings;
		this.clock = clock;
		this.notifier = notifier;
		this.active = runMode.demo() || settings.enabled();
		defaultListings();
		this.faults = configuredFaults();
	}

	/** Whether it answers at all: in demo mode, or when enabled (tests). */
	public boolean active() {
		return active;
	}

	/** Forgets reservations, calendar, codes and tokens and turns faults off. */
	public synchronized void reset() {
		reservations.clear();
		calendar.clear();
		codes.clear();
		grants.clear();
		operations.clear();
		notifier.clear();
		requests.set(0);
		refreshes.set(0);
		defaultListings();
		faults = SandboxFaults.none();
	}

	public void faults(SandboxFaults faults) {
		this.faults = faults;
	}

	public SandboxFaults currentFaults() {
		return faults;
	}

	public long userId() {
		return settings.userId();
	}

	public synchronized Map<Long, String> listings() {
		return new LinkedHashMap<>(listings);
	}

	public synchronized void listing(long id, String name) {
		listings.put(id, name);
	}

	// OAuth

	/** A single-use code for this client's consent, valid for {@code code-lifetime}. */
	synchronized String issueCode(String clientId, URI redirectUri, String scope) {
		String code = token(12);
		codes.put(code, new Code(clientId, redirectUri, scope, clock.instant().plus(settings.codeLifetime())));
		return code;
	}

	/** The tokens of a code: once, for the client it was issued to, before it expires. */
	synchronized Grant exchange(String clientId, String clientSecret, String code) {
		requireClient(clientId, clientSecret);
		Code issued = code == null ? null : codes.remove(code);
		if (issued == null || !issued.clientId().equals(clientId) || !clock.instant().isBefore(issued.expires())) {
			throw new Refusal(400, "invalid_grant", "The authorization code is invalid, expired or already used.");
		}
		Grant grant = new Grant(clientId, settings.userId(), token(16), token(16),
				clock.instant().plus(settings.accessTokenLifetime()), false);
		grants.put(grant.accessToken(), grant);
		return grant;
	}

	/**
	 * A new access token for a refresh token that was not revoked; the refresh token
	 * stays the same.
	 */
	synchronized Grant refresh(String clientId, String clientSecret, String refreshToken) {
		requireClient(clientId, clientSecret);
		Grant current = grants.values()
			.stream()
			.filter(grant -> grant.refreshToken().equals(refreshToken) && grant.clientId().equals(clientId))
			.findFirst()
			.orElse(null);
		if (current == null || current.revoked()) {
			throw new Refusal(400, "invalid_grant", "The refresh token is invalid or was revoked.");
		}
		grants.values().removeIf(grant -> grant.refreshToken().equals(refreshToken));
		Grant renewed = new Grant(clientId, current.userId(), token(16), refreshToken,
				clock.instant().plus(settings.accessTokenLifetime()), false);
		grants.put(renewed.accessToken(), renewed);
		refreshes.incrementAndGet();
		return renewed;
	}

	/** The grant of an access token sent with a call, or the refusal Airbnb answers. */
	synchronized Grant access(String accessToken, String apiKey) {
		Grant grant = accessToken == null ? null : grants.get(accessToken);
		if (grant == null || !clock.instant().isBefore(grant.expires())) {
			throw new Refusal(401, "authentication_required", "Please login to continue.");
		}
		if (grant.revoked()) {
			throw new Refusal(401, "authorization_revoked", "The host revoked this application's access.");
		}
		if (apiKey == null || !apiKey.equals(grant.clientId())) {
			throw new Refusal(403, "no_access", "You do not have permission to access this resource.");
		}
		return grant;
	}

	/** Revokes the authorization an access or refresh token belongs to. */
	synchronized boolean revoke(String clientId, String clientSecret, String token) {
		requireClient(clientId, clientSecret);
		Grant grant = grants.values()
			.stream()
			.filter(candidate -> candidate.accessToken().equals(token) || candidate.refreshToken().equals(token))
			.findFirst()
			.orElse(null);
		if (grant == null) {
			return false;
		}
		revoke(grant.refreshToken());
		return true;
	}

	/** Makes every access token expire, as 24 hours passing would; refreshing works. */
	public synchronized void expireAccessTokens() {
		Instant past = clock.instant().minusSeconds(1);
		grants.replaceAll((token, grant) -> new Grant(grant.clientId(), grant.userId(), grant.accessToken(),
				grant.refreshToken(), past, grant.revoked()));
	}

	/** The host revokes Staysync's access on Airbnb: every token stops working. */
	public synchronized void revokeAuthorizations() {
		List<String> refreshTokens = grants.values().stream().map(Grant::refreshToken).distinct().toList();
		refreshTokens.forEach(this::revoke);
	}

	/** How many access tokens were renewed with a refresh token since the last reset. */
	public int tokenRefreshes() {
		return refreshes.get();
	}

	// Reservations

	/** A new reservation, notified as accepted or requested (by its status). */
	public SandboxReservation book(SandboxReservation reservation) {
		put(reservation);
		notifier.notify(reservation.statusType().equals("accept") ? "reservation_acceptance_confirmation"
				: "reservation_requested", reservation);
		return reservation;
	}

	/** New dates for a reservation, notified as an alteration. */
	public SandboxReservation alter(String code, LocalDate start, LocalDate end) {
		SandboxReservation altered = require(code).withDates(start, end, clock.instant());
		put(altered);
		notifier.notify("reservation_alteration_confirmation", altered);
		return altered;
	}

	/**
	 * Another status (such as {@code cancelled_by_guest}), notified as a cancellation.
	 */
	public SandboxReservation cancel(String code, String statusType) {
		SandboxReservation cancelled = require(code).withStatus(statusType, clock.instant());
		put(cancelled);
		notifier.notify("reservation_cancellation_confirmation", cancelled);
		return cancelled;
	}

	/** Stores a reservation as it is, without a notification. */
	public synchronized void put(SandboxReservation reservation) {
		reservations.put(reservation.confirmationCode(), reservation);
	}

	public synchronized Optional<SandboxReservation> reservation(String code) {
		return Optional.ofNullable(reservations.get(code));
	}

	synchronized List<SandboxReservation> reservationsOf(long listingId) {
		return reservations.values().stream().filter(reservation -> reservation.listingId() == listingId).toList();
	}

	/** The notifications posted since the last reset, oldest first. */
	public List<Notification> notifications() {
		return notifier.posted();
	}

	// Calendar

	/**
	 * Whether a night is open as last pushed; empty when nothing was pushed for it.
	 */
	public synchronized Optional<Boolean> available(long listingId, LocalDate night) {
		return Optional.ofNullable(calendar.getOrDefault(listingId, Map.of()).get(night));
	}

	/** Every calendar operation taken since the last reset, in order. */
	public List<CalendarOperation> calendarOperations() {
		return List.copyOf(operations);
	}

	synchronized void apply(long listingId, List<LocalDate> nights, boolean available, List<String> dates) {
		Map<LocalDate, Boolean> days = calendar.computeIfAbsent(listingId, id -> new HashMap<>());
		nights.forEach(night -> days.put(night, available));
		operations.add(new CalendarOperation(listingId, available, List.copyOf(dates)));
	}

	synchronized boolean knows(long listingId) {
		return listings.containsKey(listingId);
	}

	/** The 1-based number of this API request, for faults. */
	int nextRequest() {
		return requests.incrementAndGet();
	}

	private SandboxReservation require(String code) {
		return reservation(code)
			.orElseThrow(() -> new IllegalArgumentException("The sandbox has no reservation " + code));
	}

	private void revoke(String refreshToken) {
		grants.replaceAll((token, grant) -> grant.refreshToken().equals(refreshToken) ? new Grant(grant.clientId(),
				grant.userId(), grant.accessToken(), grant.refreshToken(), grant.expires(), true) : grant);
	}

	private void requireClient(String clientId, String clientSecret) {
		if (clientId == null || clientId.isBlank() || !settings.clientSecret().equals(clientSecret)) {
			throw new Refusal(401, "invalid_client", "The client id or client secret is not valid.");
		}
	}

	private void defaultListings() {
		listings.clear();
		for (String listing : settings.listings()) {
			String[] parts = listing.split(":", 2);
			listings.put(Long.parseLong(parts[0].trim()), parts.length > 1 ? parts[1].trim() : "Listing " + parts[0]);
		}
	}

	private SandboxFaults configuredFaults() {
		return new SandboxFaults(settings.latency(), settings.throttleEvery(), settings.throttleStatus(),
				settings.retryAfter(), settings.unavailableEvery(), settings.failEvery(), settings.truncateEvery());
	}

	private String token(int bytes) {
		byte[] value = new byte[bytes];
		random.nextBytes(value);
		return HexFormat.of().formatHex(value);
	}

	/** A code the consent page issued. */
	private record Code(String clientId, URI redirectUri, String scope, Instant expires) {
	}

	/** One host's authorization of one client: its current tokens. */
	record Grant(String clientId, long userId, String accessToken, String refreshToken, Instant expires,
			boolean revoked) {

		@Override
		public String toString() {
			return "Grant[" + clientId + ", user " + userId + ", expires " + expires + ", revoked " + revoked + "]";
		}

	}

	/**
	 * One notification posted to Staysync: its action, reservation, body, the status
	 * Staysync answered (or {@code null}) and why it was not taken.
	 */
	public record Notification(String action, String confirmationCode, String body, Integer status, String problem) {
	}

	/** One calendar operation taken: the listing, open or closed, its date ranges. */
	public record CalendarOperation(long listingId, boolean available, List<String> dates) {
	}

	/** What Airbnb answers instead: a status and its error body. */
	static final class Refusal extends RuntimeException {

		private final int status;

		private final String type;

		Refusal(int status, String type, String message) {
			super(message, null, false, false);
			this.status = status;
			this.type = type;
		}

		int status() {
			return status;
		}

		Map<String, Object> body() {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("error_code", status);
			body.put(status == 401 && type.equals("authentication_required") ? "error" : "error_type", type);
			body.put("error_message", getMessage());
			return body;
		}

	}

	/** Used by the controller when it lists reservations in pages. */
	static <T> List<T> page(List<T> all, int offset, int limit) {
		List<T> page = new ArrayList<>();
		for (int i = Math.max(0, offset); i < all.size() && page.size() < limit; i++) {
			page.add(all.get(i));
		}
		return page;
	}

}

package io.staysync.channels.sandbox.bookingcom;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.springframework.stereotype.Component;

import io.staysync.common.RunMode;

/**
 * The state of the Booking.com sandbox: the hotels and room types it knows, its two
 * reservation queues, the tokens it issued (one hour each, at most 30 an hour per client
 * id) and the faults it injects. Tests drive it directly: they queue reservations, turn
 * faults on and read what was acknowledged. Demo mode and tests only.
 */
@Component
public class BookingComSandbox {

	static final Duration TOKEN_LIFETIME = Duration.ofHours(1);

	static final int TOKENS_PER_HOUR = 30;

	private final SandboxSettings settings;

	private final Clock clock;

	private final boolean active;

	private final Map<String, Set<String>> hotels = new LinkedHashMap<>();

	private final SandboxQueue created = new SandboxQueue();

	private final SandboxQueue modified = new SandboxQueue();

	private final Map<String, Instant> tokens = new HashMap<>();

	private final Map<String, Deque<Instant>> exchanges = new HashMap<>();

	private final AtomicInteger requests = new AtomicInteger();

	private final AtomicInteger pulls = new AtomicInteger();

	private final AtomicInteger tokenExchanges = new AtomicInteger();

	private final List<AvailabilityUpdate> availability = new CopyOnWriteArrayList<>();

	private final List<Acknowledgement> acknowledgements = new CopyOnWriteArrayList<>();

	private volatile Faults faults;

	private volatile Consumer<Acknowledgement> acknowledgementWatcher = acknowledgement -> {
	};

	BookingComSandbox(SandboxSettings settings, Clock clock, RunMode runMode) {
		this.settings = settings;
		this.clock = clock;
		this.active = runMode.demo() || settings.enabled();
		for (String hotel : settings.hotels()) {
			String[] parts = hotel.split(":", 2);
			hotels.put(parts[0].trim(),
					new LinkedHashSet<>(List.of(parts.length > 1 ? parts[1].split(",") : new String[0])));
		}
		this.faults = new Faults(settings.latency(), settings.throttleEvery(), settings.retryAfter(),
				settings.failEvery(), settings.truncateEvery(), settings.duplicateDeliveries());
	}

	/** Whether it answers at all: in demo mode, or when enabled (tests). */
	public boolean active() {
		return active;
	}

	/** Queues a new reservation (or the latest state of one not yet acknowledged). */
	public void queueNew(SandboxReservation reservation) {
		created.put(reservation.resId(), reservation.hotelCode(), reservation.xml("HotelReservation"));
	}

	/** Queues a modification (a full overlay) or, without rooms, a cancellation. */
	public void queueModification(SandboxReservation reservation) {
		modified.put(reservation.resId(), reservation.hotelCode(), reservation.xml("HotelResModify"));
	}

	/** Where a reservation is in its queue ({@code PENDING} when unknown). */
	public String state(boolean isNew, String resId) {
		return (isNew ? created : modified).state(resId).map(Enum::name).orElse("UNKNOWN");
	}

	/** How many pulls delivered this reservation (a re-delivery counts again). */
	public int deliveries(boolean isNew, String resId) {
		return (isNew ? created : modified).deliveries(resId);
	}

	public void hotel(String hotelCode, Set<String> roomTypes) {
		synchronized (hotels) {
			hotels.put(hotelCode, new LinkedHashSet<>(roomTypes));
		}
	}

	/** Empties the queues, forgets tokens and turns faults off: a fresh peer. */
	public void reset() {
		created.clear();
		modified.clear();
		synchronized (tokens) {
			tokens.clear();
			exchanges.clear();
		}
		availability.clear();
		acknowledgements.clear();
		requests.set(0);
		pulls.set(0);
		tokenExchanges.set(0);
		faults = new Faults(Duration.ZERO, 0, Duration.ofSeconds(1), 0, 0, false);
	}

	public void faults(Faults faults) {
		this.faults = faults;
	}

	/** How many tokens it issued since the last reset. */
	public int tokenExchanges() {
		return tokenExchanges.get();
	}

	/** Makes every issued token invalid, as an expiry in the middle of a batch would. */
	public void expireTokens() {
		synchronized (tokens) {
			tokens.clear();
		}
	}

	/** Every availability range it took since the last reset, in the order taken. */
	public List<AvailabilityUpdate> availabilityUpdates() {
		return List.copyOf(availability);
	}

	/**
	 * Whether a night of a room type is closed as last pushed (the latest range taken
	 * that covers it decides); empty when nothing was pushed for it.
	 */
	public Optional<Boolean> closed(String hotelCode, String roomTypeCode, LocalDate night) {
		Boolean closed = null;
		for (AvailabilityUpdate update : availability) {
			if (update.hotelCode().equals(hotelCode) && update.roomTypeCode().equals(roomTypeCode)
					&& !night.isBefore(update.first()) && !night.isAfter(update.last())) {
				closed = update.closed();
			}
		}
		return Optional.ofNullable(closed);
	}

	/**
	 * Every acknowledgement it took since the last reset, in the order taken: which
	 * message (queue, reservation, version) and when.
	 */
	public List<Acknowledgement> acknowledgements() {
		return List.copyOf(acknowledgements);
	}

	/**
	 * Called with each acknowledgement as it is taken, before the answer is sent: a soak
	 * checks there that the acknowledged reservation is already committed.
	 */
	public void watchAcknowledgements(Consumer<Acknowledgement> watcher) {
		this.acknowledgementWatcher = watcher;
	}

	void acknowledged(boolean isNew, String resId) {
		Acknowledgement acknowledgement = new Acknowledgement(isNew, resId, queue(isNew).version(resId),
				clock.instant());
		acknowledgements.add(acknowledgement);
		acknowledgementWatcher.accept(acknowledgement);
	}

	void took(AvailabilityUpdate update) {
		availability.add(update);
	}

	Faults currentFaults() {
		return faults;
	}

	SandboxQueue queue(boolean isNew) {
		return isNew ? created : modified;
	}

	Set<String> roomTypes(String hotelCode) {
		synchronized (hotels) {
			return hotels.get(hotelCode);
		}
	}

	/**
	 * Issues a token for a right secret.
	 * @return the JWT, {@code null} for a wrong secret; throws {@link TooManyTokens}
	 * beyond 30 in an hour
	 */
	String exchange(String clientId, String clientSecret) {
		if (clientId == null || clientId.isBlank() || !settings.clientSecret().equals(clientSecret)) {
			return null;
		}
		Instant now = clock.instant();
		synchronized (tokens) {
			Deque<Instant> recent = exchanges.computeIfAbsent(clientId, id -> new ArrayDeque<>());
			while (!recent.isEmpty() && !recent.peekFirst().isAfter(now.minus(Duration.ofHours(1)))) {
				recent.removeFirst();
			}
			if (recent.size() >= TOKENS_PER_HOUR) {
				throw new TooManyTokens(Duration.between(now, recent.peekFirst().plus(Duration.ofHours(1))));
			}
			recent.addLast(now);
			Instant expires = now.plus(TOKEN_LIFETIME);
			String jwt = jwt(clientId, now, expires);
			tokens.put(jwt, expires);
			tokenExchanges.incrementAndGet();
			return jwt;
		}
	}

	boolean authorized(String authorization) {
		if (authorization == null || !authorization.startsWith("Bearer ")) {
			return false;
		}
		synchronized (tokens) {
			Instant expires = tokens.get(authorization.substring("Bearer ".length()).trim());
			return expires != null && clock.instant().isBefore(expires);
		}
	}

	/** The 1-based number of this reservation or availability request, for faults. */
	int nextRequest() {
		return requests.incrementAndGet();
	}

	int nextPull() {
		return pulls.incrementAndGet();
	}

	private static String jwt(String clientId, Instant issued, Instant expires) {
		Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
		String header = base64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
		String claims = "{\"iss\":\"urn://connectivity-modern-auth/v1\",\"sub\":\"sandbox\",\"iat\":"
				+ issued.getEpochSecond() + ",\"exp\":" + expires.getEpochSecond() + ",\"jti\":\"" + UUID.randomUUID()
				+ "\",\"test\":true,\"client_id\":\"" + clientId.replaceAll("[^A-Za-z0-9_.-]", "_") + "\"}";
		return header + "." + base64.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "."
				+ base64.encodeToString(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Faults injected into reservation and availability requests.
	 *
	 * @param throttleEvery every how many requests answer 429 with {@code retryAfter} (0:
	 * never)
	 * @param failEvery every how many answer 500 (0: never)
	 * @param truncateEvery every how many pulls are cut in the middle (0: never)
	 * @param duplicateDeliveries whether pulls list every reservation twice
	 */
	public record Faults(Duration latency, int throttleEvery, Duration retryAfter, int failEvery, int truncateEvery,
			boolean duplicateDeliveries) {

		public static Faults none() {
			return new Faults(Duration.ZERO, 0, Duration.ofSeconds(1), 0, 0, false);
		}

	}

	/**
	 * One acknowledgement it took: of the new queue or the modified one, the reservation,
	 * the version of its message acknowledged (each queuing in that queue adds one) and
	 * when.
	 */
	public record Acknowledgement(boolean isNew, String resId, int version, Instant at) {
	}

	/** One availability range it took: a room type of a hotel, inclusive dates. */
	public record AvailabilityUpdate(String hotelCode, String roomTypeCode, LocalDate first, LocalDate last,
			boolean closed) {
	}

	/** Beyond 30 tokens an hour. */
	static final class TooManyTokens extends RuntimeException {

		private final Duration retryAfter;

		TooManyTokens(Duration retryAfter) {
			super(null, null, false, false);
			this.retryAfter = retryAfter;
		}

		Duration retryAfter() {
			return retryAfter;
		}

	}

}

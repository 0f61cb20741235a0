package io.staysync.channels.sandbox.airbnb;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.staysync.channels.sandbox.DemoTrickle;
import io.staysync.common.RunMode;

/**
 * Demo mode: guests keep booking the Airbnb sandbox's first listing (the one "Connect the
 * Airbnb sandbox" maps), one at start and another every {@code trickle-every}; now and
 * then a guest moves a stay a day later, and every few bookings the oldest one is
 * cancelled. Each change is notified to Staysync as Airbnb would, so that once connected
 * a demo shows reservations, alterations and cancellations arriving by themselves through
 * the notification and its re-read. Before that (the demo starts with Airbnb in iCal
 * mode) the notifications are refused and the reservations wait in the sandbox for the
 * first reconciliation. A new stay never overlaps another of the sandbox's own, so the
 * demo's conflicts stay the ones it means to show. Nothing runs outside demo mode.
 */
@Component
class AirbnbDemoReservations extends DemoTrickle {

	private static final Logger log = LoggerFactory.getLogger(AirbnbDemoReservations.class);

	private static final List<String[]> GUESTS = List.of(new String[] { "Ana", "Ferreira" },
			new String[] { "Tomás", "Lopes" }, new String[] { "Chloé", "Martin" }, new String[] { "Noah", "Schmidt" },
			new String[] { "Yuki", "Tanaka" }, new String[] { "Olivia", "Brown" });

	/** Every how many bookings the latest stay is moved a day later. */
	static final int ALTER_EVERY = 3;

	/** How many stays are kept before the oldest one is cancelled. */
	static final int CANCEL_AFTER = 4;

	/** How many random dates are tried for a stay that overlaps none of the sandbox's. */
	static final int TRIES = 10;

	private final AirbnbSandbox sandbox;

	private final Clock clock;

	private final AtomicInteger rounds = new AtomicInteger();

	private final Deque<String> booked = new ArrayDeque<>();

	AirbnbDemoReservations(AirbnbSandbox sandbox, AirbnbSandboxSettings settings, Clock clock, RunMode runMode) {
		super("airbnb-sandbox-demo", runMode.demo() && !settings.listings().isEmpty(), settings.trickleEvery());
		this.sandbox = sandbox;
		this.clock = clock;
	}

	@Override
	protected synchronized void trickle() {
		long listing = sandbox.listings().keySet().iterator().next();
		int round = rounds.incrementAndGet();
		book(listing);
		if (round % ALTER_EVERY == 0 && !booked.isEmpty()) {
			moveADayLater(listing, booked.peekLast());
		}
		if (booked.size() > CANCEL_AFTER) {
			String oldest = booked.removeFirst();
			sandbox.cancel(oldest, "cancelled_by_guest");
			log.debug("Airbnb sandbox: demo reservation {} cancelled", oldest);
		}
	}

	private void book(long listing) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		for (int attempt = 0; attempt < TRIES; attempt++) {
			LocalDate start = LocalDate.now(clock).plusDays(random.nextInt(7, 120));
			LocalDate end = start.plusDays(random.nextInt(1, 6));
			if (free(listing, null, start, end)) {
				String[] guest = GUESTS.get(random.nextInt(GUESTS.size()));
				SandboxReservation reservation = sandbox
					.book(SandboxReservation.accepted(code(random), listing, start, end).withGuest(guest[0], guest[1]));
				booked.addLast(reservation.confirmationCode());
				log.debug("Airbnb sandbox: demo reservation {} booked", reservation.confirmationCode());
				return;
			}
		}
	}

	private void moveADayLater(long listing, String code) {
		Optional<SandboxReservation> current = sandbox.reservation(code);
		if (current.isEmpty()) {
			return;
		}
		LocalDate start = current.get().startDate().plusDays(1);
		LocalDate end = current.get().endDate().plusDays(1);
		if (free(listing, code, start, end)) {
			sandbox.alter(code, start, end);
			log.debug("Airbnb sandbox: demo reservation {} moved a day later", code);
		}
	}

	/**
	 * Whether no accepted stay of the listing but {@code except} overlaps these nights.
	 */
	private boolean free(long listing, String except, LocalDate start, LocalDate end) {
		return sandbox.reservationsOf(listing)
			.stream()
			.filter(other -> !other.confirmationCode().equals(except) && other.statusType().equals("accept"))
			.noneMatch(other -> other.startDate().isBefore(end) && start.isBefore(other.endDate()));
	}

	/** A confirmation code in Airbnb's shape: HM and eight letters or digits. */
	private static String code(ThreadLocalRandom random) {
		StringBuilder code = new StringBuilder("HM");
		String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
		for (int i = 0; i < 8; i++) {
			code.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		return code.toString();
	}

}

package io.staysync.channels.sandbox.bookingcom;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.staysync.channels.sandbox.DemoTrickle;
import io.staysync.channels.sandbox.bookingcom.SandboxReservation.Room;
import io.staysync.common.RunMode;

/**
 * Demo mode: guests keep booking the sandbox's first room type. One reservation is queued
 * at start and another every {@code trickle-every}; now and then the oldest one is
 * cancelled, so that a demo shows new reservations and cancellations arriving by
 * themselves through the real pull and acknowledgement. Nothing runs outside demo mode.
 */
@Component
class DemoReservations extends DemoTrickle {

	private static final Logger log = LoggerFactory.getLogger(DemoReservations.class);

	private static final List<String[]> GUESTS = List.of(new String[] { "Eva", "Jansen" },
			new String[] { "Luca", "Bianchi" }, new String[] { "Sofia", "Novak" }, new String[] { "Jonas", "Berg" },
			new String[] { "Amélie", "Durand" }, new String[] { "Mateo", "García" });

	/** Every how many reservations the oldest one is cancelled. */
	static final int CANCEL_EVERY = 4;

	private final BookingComSandbox sandbox;

	private final SandboxSettings settings;

	private final Clock clock;

	private final AtomicLong next = new AtomicLong(4100000001L);

	private final Deque<String> queued = new ArrayDeque<>();

	DemoReservations(BookingComSandbox sandbox, SandboxSettings settings, Clock clock, RunMode runMode) {
		super("booking-com-sandbox-demo", runMode.demo() && !settings.hotels().isEmpty(), settings.trickleEvery());
		this.sandbox = sandbox;
		this.settings = settings;
		this.clock = clock;
	}

	/** One more guest, and now and then a cancellation. */
	@Override
	protected void trickle() {
		String[] hotel = settings.hotels().get(0).split(":", 2);
		String roomType = hotel.length > 1 ? hotel[1].split(",")[0].trim() : "1";
		ThreadLocalRandom random = ThreadLocalRandom.current();
		String resId = String.valueOf(next.getAndIncrement());
		String[] guest = GUESTS.get(random.nextInt(GUESTS.size()));
		LocalDate first = LocalDate.now(clock).plusDays(random.nextInt(7, 120));
		sandbox.queueNew(new SandboxReservation(resId, hotel[0].trim(), List.of(new Room(1, roomType, first,
				random.nextInt(1, 6), random.nextInt(1, 4), random.nextInt(90, 260) * 100)), guest[0], guest[1]));
		synchronized (queued) {
			queued.addLast(resId);
			if (queued.size() >= CANCEL_EVERY) {
				String cancelled = queued.removeFirst();
				sandbox.queueModification(new SandboxReservation(cancelled, hotel[0].trim(), List.of(), null, null));
			}
		}
		log.debug("Booking.com sandbox: queued demo reservation {}", resId);
	}

}

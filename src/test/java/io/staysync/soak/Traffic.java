package io.staysync.soak;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

import io.staysync.channels.sandbox.bookingcom.BookingComSandbox;
import io.staysync.channels.sandbox.bookingcom.SandboxReservation;
import io.staysync.channels.sandbox.bookingcom.SandboxReservation.Room;
import io.staysync.soak.SoakState.Reservation;

/**
 * The soak's guests, and the ground truth of what they did: new, modified and cancelled
 * reservations on Booking.com (queued at its sandbox) and on the iCal feeds, each change
 * kept in order with the moment it became visible at its channel. Properties
 * {@code 0..rooms-1} are sold on both channels (a room type of the hotel and a feed); the
 * others by feed only.
 */
final class Traffic {

	static final String HOTEL = "4410021";

	static final String ICAL = "ical";

	static final String BOOKING_COM = "booking_com";

	/** One change as its channel shows it, numbered within its Booking.com queue. */
	record Change(String channel, String key, String propertyId, LocalDate checkIn, LocalDate checkOut,
			boolean cancelled, Instant at, boolean newQueue, int queueVersion, boolean seed) {
	}

	private final Random random;

	private final BookingComSandbox bookingCom;

	private final FeedPeer feeds;

	private final List<String> properties;

	private final int rooms;

	private final LocalDate firstNight;

	private final int horizonDays;

	private final Map<String, List<Change>> changes = new ConcurrentHashMap<>();

	private final List<String> liveFeedEvents = new ArrayList<>();

	private final List<String> liveReservations = new ArrayList<>();

	private final Map<String, Integer> modifications = new ConcurrentHashMap<>();

	/**
	 * The version of each reservation's new-reservation message (1 when first queued).
	 */
	private final Map<String, Integer> newVersions = new ConcurrentHashMap<>();

	private int nextUid;

	private int nextReservation = 9100001;

	Traffic(long seed, BookingComSandbox bookingCom, FeedPeer feeds, List<String> properties, int rooms,
			LocalDate firstNight, int horizonDays) {
		this.random = new Random(seed);
		this.bookingCom = bookingCom;
		this.feeds = feeds;
		this.properties = properties;
		this.rooms = rooms;
		this.firstNight = firstNight;
		this.horizonDays = horizonDays;
	}

	static String roomCode(int room) {
		return String.valueOf(77130001 + room);
	}

	static String bookingComKey(String resId) {
		return resId + "-1";
	}

	/** One stay in every feed before the soak starts, so the first sync has work. */
	synchronized void seed() {
		for (int feed = 0; feed < properties.size(); feed++) {
			newFeedEvent(feed, true);
		}
	}

	/** One guest's doing, picked at random. */
	synchronized void step() {
		int dice = random.nextInt(100);
		boolean feedEvents = !liveFeedEvents.isEmpty();
		boolean reservations = !liveReservations.isEmpty();
		if (dice < 30 || (dice < 55 && !feedEvents)) {
			newFeedEvent(random.nextBoolean() ? random.nextInt(rooms) : random.nextInt(properties.size()), false);
		}
		else if (dice < 45) {
			modifyFeedEvent();
		}
		else if (dice < 55) {
			cancelFeedEvent();
		}
		else if (dice < 80 || !reservations) {
			newReservation();
		}
		else if (dice < 90) {
			modifyReservation();
		}
		else {
			cancelReservation();
		}
	}

	private void newFeedEvent(int feed, boolean seed) {
		String uid = "soak-" + feed + "-" + (nextUid++) + "@soak.staysync.test";
		LocalDate in = arrival();
		LocalDate out = in.plusDays(1 + random.nextInt(4));
		feeds.put(feed, new FeedPeer.Event(uid, in, out));
		record(new Change(ICAL, uid, properties.get(feed), in, out, false, Instant.now(), false, 0, seed));
		liveFeedEvents.add(feed + " " + uid);
	}

	private void modifyFeedEvent() {
		String[] live = liveFeedEvents.get(random.nextInt(liveFeedEvents.size())).split(" ");
		int feed = Integer.parseInt(live[0]);
		LocalDate in = arrival();
		LocalDate out = in.plusDays(1 + random.nextInt(4));
		feeds.put(feed, new FeedPeer.Event(live[1], in, out));
		record(new Change(ICAL, live[1], properties.get(feed), in, out, false, Instant.now(), false, 0, false));
	}

	private void cancelFeedEvent() {
		String live = liveFeedEvents.remove(random.nextInt(liveFeedEvents.size()));
		String[] parts = live.split(" ");
		int feed = Integer.parseInt(parts[0]);
		feeds.remove(feed, parts[1]);
		Change last = last(parts[1]);
		record(new Change(ICAL, parts[1], last.propertyId(), last.checkIn(), last.checkOut(), true, Instant.now(),
				false, 0, false));
	}

	private void newReservation() {
		String resId = String.valueOf(nextReservation++);
		int room = random.nextInt(rooms);
		LocalDate in = arrival();
		int nights = 1 + random.nextInt(4);
		bookingCom.queueNew(reservation(resId, room, in, nights));
		newVersions.put(resId, 1);
		record(new Change(BOOKING_COM, bookingComKey(resId), properties.get(room), in, in.plusDays(nights), false,
				Instant.now(), true, 1, false));
		liveReservations.add(resId + " " + room);
	}

	private void modifyReservation() {
		String[] live = liveReservations.get(random.nextInt(liveReservations.size())).split(" ");
		int room = Integer.parseInt(live[1]);
		LocalDate in = arrival();
		int nights = 1 + random.nextInt(4);
		if (!acknowledgedAsNew(live[0])) {
			// Booking.com: a reservation changed before its first acknowledgement comes
			// as a
			// new reservation with the latest data, not as a modification
			int version = newVersions.merge(live[0], 1, Integer::sum);
			bookingCom.queueNew(reservation(live[0], room, in, nights));
			record(new Change(BOOKING_COM, bookingComKey(live[0]), properties.get(room), in, in.plusDays(nights), false,
					Instant.now(), true, version, false));
			return;
		}
		int version = modifications.merge(live[0], 1, Integer::sum);
		bookingCom.queueModification(reservation(live[0], room, in, nights));
		record(new Change(BOOKING_COM, bookingComKey(live[0]), properties.get(room), in, in.plusDays(nights), false,
				Instant.now(), false, version, false));
	}

	private boolean acknowledgedAsNew(String resId) {
		return "ACKNOWLEDGED".equals(bookingCom.state(true, resId));
	}

	/**
	 * Cancels a reservation whose new-reservation message was acknowledged: what
	 * Booking.com does with a cancellation before that is not documented, so the soak
	 * does not invent it (a guest whose reservation is not acknowledged yet keeps it for
	 * now).
	 */
	private void cancelReservation() {
		List<String> cancellable = liveReservations.stream()
			.filter(live -> acknowledgedAsNew(live.split(" ")[0]))
			.toList();
		if (cancellable.isEmpty()) {
			return;
		}
		String chosen = cancellable.get(random.nextInt(cancellable.size()));
		liveReservations.remove(chosen);
		String[] live = chosen.split(" ");
		int version = modifications.merge(live[0], 1, Integer::sum);
		bookingCom.queueModification(new SandboxReservation(live[0], HOTEL, List.of(), "Soak", "Guest"));
		Change last = last(bookingComKey(live[0]));
		record(new Change(BOOKING_COM, last.key(), last.propertyId(), last.checkIn(), last.checkOut(), true,
				Instant.now(), false, version, false));
	}

	private SandboxReservation reservation(String resId, int room, LocalDate in, int nights) {
		return new SandboxReservation(resId, HOTEL, List.of(new Room(1, roomCode(room), in, nights, 2, 9000 + nights)),
				"Soak", "Guest " + resId);
	}

	private LocalDate arrival() {
		return firstNight.plusDays(random.nextInt(horizonDays));
	}

	private void record(Change change) {
		changes.computeIfAbsent(change.key(), key -> Collections.synchronizedList(new ArrayList<>())).add(change);
	}

	private Change last(String key) {
		List<Change> list = changes.get(key);
		return list.get(list.size() - 1);
	}

	/** The changes of one reservation, oldest first. */
	List<Change> changes(String key) {
		List<Change> list = changes.getOrDefault(key, List.of());
		synchronized (list) {
			return List.copyOf(list);
		}
	}

	List<Change> allChanges() {
		List<Change> all = new ArrayList<>();
		changes.keySet().forEach(key -> all.addAll(changes(key)));
		return all;
	}

	/** Every reservation in its final state. */
	List<Reservation> finalTruth() {
		return changes.keySet()
			.stream()
			.map(this::changes)
			.map(list -> list.get(list.size() - 1))
			.map(last -> new Reservation(last.channel(), last.key(), last.propertyId(), last.checkIn(), last.checkOut(),
					last.cancelled()))
			.toList();
	}

	String property(int index) {
		return properties.get(index);
	}

	int rooms() {
		return rooms;
	}

	LocalDate firstNight() {
		return firstNight;
	}

	int horizonDays() {
		return horizonDays;
	}

}

package io.staysync.sync;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

import io.staysync.bookings.BookingKind;
import io.staysync.bookings.BookingSource;
import io.staysync.bookings.BookingStatus;
import io.staysync.bookings.ChannelBooking;
import io.staysync.channels.AvailabilityPush;
import io.staysync.channels.AvailabilityWindow;
import io.staysync.channels.ChannelConnector;
import io.staysync.channels.ChannelCredentials;
import io.staysync.channels.ChannelListing;
import io.staysync.channels.ChannelMode;
import io.staysync.channels.ChannelType;
import io.staysync.channels.ConnectionCheck;
import io.staysync.channels.ListingChanges;
import io.staysync.channels.SyncCursor;

/**
 * A channel peer for sync engine tests: Booking.com (by default) in API mode, answering
 * each listing's fetches and availability pushes from a script and keeping every push it
 * received. It can also kill the worker that fetches a listing, as a crash of the
 * instance would. Ordered first, so it stands in for the real Booking.com connector.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
class ScriptedConnector implements ChannelConnector {

	final Map<String, Deque<Answer>> script = new ConcurrentHashMap<>();

	final Deque<AvailabilityPush> pushAnswers = new ConcurrentLinkedDeque<>();

	final List<Pushed> pushes = new CopyOnWriteArrayList<>();

	volatile CountDownLatch gate;

	/**
	 * Fetching this listing blocks until {@link #crash} is released, then kills the
	 * worker.
	 */
	volatile String crashOn;

	final CountDownLatch crashReached = new CountDownLatch(1);

	final CountDownLatch crash = new CountDownLatch(1);

	private final Set<ChannelType> types;

	ScriptedConnector(ChannelType... types) {
		this.types = types.length == 0 ? Set.of(ChannelType.BOOKING_COM) : Set.of(types);
	}

	@Override
	public boolean supports(ChannelType type, ChannelMode mode) {
		return types.contains(type) && mode == ChannelMode.API;
	}

	@Override
	public AvailabilityPush pushAvailability(ChannelCredentials credentials, ChannelListing listing,
			AvailabilityWindow window) {
		AvailabilityPush answer = pushAnswers.poll();
		answer = answer == null ? AvailabilityPush.pushed() : answer;
		pushes.add(new Pushed(credentials.type(), listing.externalListingId(), window, answer));
		return answer;
	}

	List<Pushed> pushesTo(ChannelType type) {
		return pushes.stream().filter(push -> push.type() == type).toList();
	}

	@Override
	public ConnectionCheck testConnection(ChannelCredentials credentials) {
		return ConnectionCheck.passed("scripted", List.of());
	}

	@Override
	public ListingChanges fetchChanges(ChannelCredentials credentials, ChannelListing listing, SyncCursor cursor) {
		awaitGate();
		if (listing.externalListingId().equals(crashOn)) {
			crashReached.countDown();
			awaitQuietly(crash);
			throw new WorkerKilled();
		}
		BookingSource source = credentials.type() == ChannelType.AIRBNB ? BookingSource.AIRBNB
				: BookingSource.BOOKING_COM;
		Answer answer = script.getOrDefault(listing.externalListingId(), new ArrayDeque<>()).poll();
		if (answer != null && "not modified".equals(answer.problem())) {
			return ListingChanges.notModified(cursor);
		}
		if (answer == null || answer.problem() != null) {
			return ListingChanges.failed(answer == null ? "nothing scripted" : answer.problem(), cursor);
		}
		Set<String> present = new LinkedHashSet<>();
		List<ChannelBooking> bookings = answer.stays().stream().map(stay -> {
			present.add(stay.key());
			return new ChannelBooking(credentials.integrationId(), source, stay.key(), listing.externalListingId(),
					listing.propertyId(), BookingKind.RESERVATION,
					stay.cancelled() ? BookingStatus.CANCELLED : BookingStatus.CONFIRMED, stay.checkIn(),
					stay.checkOut(), "Guest " + stay.key(), 2, 0, null, null, null);
		}).toList();
		LocalDate today = LocalDate.now();
		return new ListingChanges(ListingChanges.Outcome.FETCHED, bookings, present, answer.complete(),
				today.minusDays(1), today.plusYears(2), new SyncCursor("\"etag\"", null), null);
	}

	void then(String listing, Answer answer) {
		script.computeIfAbsent(listing, l -> new ArrayDeque<>()).add(answer);
	}

	private void awaitGate() {
		CountDownLatch latch = gate;
		if (latch != null) {
			awaitQuietly(latch);
		}
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(20, TimeUnit.SECONDS);
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
		}
	}

	/** What the connector was asked to push, and what it answered. */
	record Pushed(ChannelType type, String listing, AvailabilityWindow window, AvailabilityPush answer) {
	}

	/**
	 * Thrown through everything, as an {@link Error} is: the run's worker dies in the
	 * middle of a listing without recording anything, which is what a killed process
	 * leaves behind.
	 */
	static final class WorkerKilled extends Error {

		WorkerKilled() {
			super("simulated crash of the sync worker", null, false, false);
		}

	}

	record Stay(String key, LocalDate checkIn, LocalDate checkOut, boolean cancelled) {

		static Stay of(String key, LocalDate checkIn, int nights) {
			return new Stay(key, checkIn, checkIn.plusDays(nights), false);
		}

	}

	record Answer(List<Stay> stays, boolean complete, String problem) {

		static Answer feed(Stay... stays) {
			return new Answer(List.of(stays), true, null);
		}

		static Answer partial(Stay... stays) {
			return new Answer(List.of(stays), false, null);
		}

		static Answer notModified() {
			return new Answer(List.of(), false, "not modified");
		}

		static Answer failure(String problem) {
			return new Answer(List.of(), false, problem);
		}

	}

}

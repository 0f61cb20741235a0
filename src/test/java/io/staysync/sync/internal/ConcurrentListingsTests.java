package io.staysync.sync.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import io.staysync.channels.ChannelListing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The dispatch of a run's listings, without a database or a network: the caps hold,
 * outcomes keep the mapping order, a spent budget and a stopping instance leave the rest
 * untouched. Concurrency is counted, never timed.
 */
class ConcurrentListingsTests {

	private static final RunBudget AMPLE = RunBudget.start(settings(Duration.ofHours(1)));

	@Test
	void neverMoreThanTheCapOverallAndPerHostAndOutcomesInMappingOrder() {
		List<ChannelListing> listings = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			listings.add(listing("l-" + i, "https://host-" + (i % 3) + ".example/" + i + ".ics"));
		}
		Counter overall = new Counter();
		Map<String, Counter> perHost = new ConcurrentHashMap<>();
		AtomicInteger done = new AtomicInteger();

		List<ListingOutcome> outcomes = new ConcurrentListings(5, 2).sync(listings, "ical", AMPLE, listing -> {
			Counter host = perHost.computeIfAbsent(ListingHost.of(listing, "ical"), h -> new Counter());
			overall.enter();
			host.enter();
			try {
				// later listings finish first, so that the order has to be restored
				sleep(40 - Integer.parseInt(listing.externalListingId().substring(2)));
				return success(listing);
			}
			finally {
				host.leave();
				overall.leave();
			}
		}, done::incrementAndGet);

		assertThat(outcomes).extracting(ListingOutcome::externalListingId)
			.isEqualTo(listings.stream().map(ChannelListing::externalListingId).toList());
		assertThat(overall.max()).as("at most 5 at once").isLessThanOrEqualTo(5).as("several at once").isGreaterThan(1);
		assertThat(perHost).hasSize(3);
		perHost.forEach((host, count) -> assertThat(count.max()).as(host).isLessThanOrEqualTo(2));
		assertThat(done).hasValue(30);
	}

	@Test
	void aBusyHostDoesNotHoldUpTheOthers() throws Exception {
		CountDownLatch slowHostReleased = new CountDownLatch(1);
		List<ChannelListing> listings = List.of(listing("slow-1", "https://slow.example/1"),
				listing("slow-2", "https://slow.example/2"), listing("slow-3", "https://slow.example/3"),
				listing("fast", "https://fast.example/1"));
		AtomicReference<String> firstDone = new AtomicReference<>();

		// three at once: slow-1 and slow-2 fill their host, and the third goes to "fast",
		// not to slow-3 waiting for its host
		List<ListingOutcome> outcomes = new ConcurrentListings(3, 2).sync(listings, "ical", AMPLE, listing -> {
			if (listing.externalListingId().startsWith("slow")) {
				await(slowHostReleased);
				firstDone.compareAndSet(null, listing.externalListingId());
			}
			else {
				firstDone.compareAndSet(null, listing.externalListingId());
				slowHostReleased.countDown();
			}
			return success(listing);
		}, () -> {
		});

		assertThat(firstDone).as("started while slow-3 waited for its host").hasValue("fast");
		assertThat(outcomes).extracting(ListingOutcome::externalListingId)
			.containsExactly("slow-1", "slow-2", "slow-3", "fast");
	}

	@Test
	void aSpentBudgetLeavesTheListingsNotStartedForTheNextRun() {
		RunBudget short_ = RunBudget.start(settings(Duration.ofSeconds(1)));
		List<ChannelListing> listings = List.of(listing("first", null), listing("second", null),
				listing("third", null));
		AtomicInteger done = new AtomicInteger();

		// one at a time: the first listing outlasts the run's budget
		List<ListingOutcome> outcomes = new ConcurrentListings(1, 1).sync(listings, "airbnb", short_, listing -> {
			sleep(1_300);
			return success(listing);
		}, done::incrementAndGet);

		assertThat(outcomes).extracting(ListingOutcome::status)
			.containsExactly(ListingStatus.SUCCESS, ListingStatus.ERROR, ListingStatus.ERROR);
		assertThat(outcomes.get(2).message()).startsWith("Not synced this time: the sync reached its time budget");
		assertThat(done).as("progress reaches the total").hasValue(3);
	}

	@Test
	void aStoppingInstanceWaitsForTheListingsUnderWayAndStartsNoOther() throws Exception {
		List<ChannelListing> listings = List.of(listing("a", null), listing("b", null), listing("c", null));
		CountDownLatch bothStarted = new CountDownLatch(2);
		AtomicReference<List<ListingOutcome>> outcomes = new AtomicReference<>();
		AtomicReference<Boolean> interruptKept = new AtomicReference<>();
		Thread run = new Thread(() -> {
			outcomes.set(new ConcurrentListings(2, 2).sync(listings, "airbnb", AMPLE, listing -> {
				bothStarted.countDown();
				try {
					Thread.sleep(20_000);
					return success(listing);
				}
				catch (InterruptedException stopping) {
					return ListingOutcome.failed(listing.externalListingId(), null, "stopped");
				}
			}, () -> {
			}));
			interruptKept.set(Thread.currentThread().isInterrupted());
		});
		run.start();
		assertThat(bothStarted.await(10, TimeUnit.SECONDS)).isTrue();

		run.interrupt();
		run.join(10_000);

		assertThat(outcomes.get()).extracting(ListingOutcome::message)
			.containsExactly("stopped", "stopped", "The sync was stopped before this listing (the instance is "
					+ "shutting down); nothing of it changed.");
		assertThat(interruptKept.get()).isTrue();
	}

	@Test
	void aDyingListingWorkerIsThrownOnTheRunsThread() {
		List<ChannelListing> listings = List.of(listing("fine", null), listing("dies", null));

		assertThatThrownBy(() -> new ConcurrentListings(2, 2).sync(listings, "airbnb", AMPLE, listing -> {
			if (listing.externalListingId().equals("dies")) {
				throw new OutOfMemoryError("simulated");
			}
			return success(listing);
		}, () -> {
		})).isInstanceOf(OutOfMemoryError.class).hasMessage("simulated");
	}

	@Test
	void theHostOfAFeedIsItsHostNameAndAnApiListingsIsItsChannel() {
		assertThat(ListingHost.of(listing("a", "https://WWW.Airbnb.com:443/calendar/ical/1.ics?s=x"), "ical"))
			.isEqualTo("www.airbnb.com");
		assertThat(ListingHost.of(listing("b", null), "airbnb")).isEqualTo("channel:airbnb");
		assertThat(ListingHost.of(listing("c", "not a url"), "ical")).isEqualTo("channel:ical");
	}

	private static ListingOutcome success(ChannelListing listing) {
		return new ListingOutcome(listing.externalListingId(), listing.propertyId(), ListingStatus.SUCCESS, 0, 0, 0, 0,
				0, null);
	}

	private static ChannelListing listing(String id, String url) {
		return new ChannelListing(id, UUID.randomUUID(), url, java.time.ZoneId.of("Europe/Lisbon"));
	}

	private static SyncSettings settings(Duration runBudget) {
		return new SyncSettings(Duration.ofSeconds(30), Duration.ofMinutes(3), Duration.ofMinutes(1),
				Duration.ofMinutes(1), runBudget, 16, 4);
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(Math.max(0, millis));
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
		}
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
		}
	}

	private static final class Counter {

		private final AtomicInteger now = new AtomicInteger();

		private final AtomicInteger max = new AtomicInteger();

		void enter() {
			max.accumulateAndGet(now.incrementAndGet(), Math::max);
		}

		void leave() {
			now.decrementAndGet();
		}

		int max() {
			return max.get();
		}

	}

}

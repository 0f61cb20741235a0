package io.staysync.sync.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import io.staysync.channels.ChannelListing;

/**
 * Syncs the listings of a run several at a time: at most
 * {@code staysync.sync.listing-concurrency} at once, and at most
 * {@code staysync.sync.per-host-concurrency} of them from one {@link ListingHost}, so
 * that a run of many listings is as fast as its slowest hosts allow without hammering any
 * of them. Listings start in mapping order, skipping over those whose host is busy, and
 * their outcomes come back in mapping order whatever order they finished in. The run's
 * thread dispatches and counts progress; the listings run on threads of their own. A run
 * over its budget starts no more listings; a run whose thread is interrupted (the
 * instance is stopping) interrupts the listings under way and waits for their outcomes,
 * so that what was stored is reported as stored.
 */
@Component
class ConcurrentListings implements DisposableBean {

	private final AtomicInteger count = new AtomicInteger();

	private final ExecutorService threads = Executors.newCachedThreadPool(work -> {
		Thread thread = new Thread(work, "listing-sync-" + count.incrementAndGet());
		thread.setDaemon(true);
		return thread;
	});

	private final int concurrency;

	private final int perHost;

	@Autowired
	ConcurrentListings(SyncSettings settings) {
		this(settings.listingConcurrency(), settings.perHostConcurrency());
	}

	ConcurrentListings(int concurrency, int perHost) {
		this.concurrency = concurrency;
		this.perHost = perHost;
	}

	/**
	 * The outcome of each listing, in the order of {@code listings}.
	 * @param sync syncs one listing; called on several threads at once
	 * @param done called on the caller's thread after each listing, however it ended
	 * @throws Error thrown by a listing (a dying worker), after which the run is left to
	 * be closed as abandoned
	 * @throws RuntimeException thrown by a listing (a bug); listings under way go on
	 */
	List<ListingOutcome> sync(List<ChannelListing> listings, String channel, RunBudget budget,
			Function<ChannelListing, ListingOutcome> sync, Runnable done) {
		Dispatch dispatch = new Dispatch(listings, channel, budget, sync, done);
		dispatch.run();
		return Arrays.asList(dispatch.outcomes);
	}

	private final class Dispatch {

		private final List<ChannelListing> listings;

		private final RunBudget budget;

		private final Function<ChannelListing, ListingOutcome> sync;

		private final Runnable done;

		private final ListingOutcome[] outcomes;

		private final List<Lane> lanes = new ArrayList<>();

		/** Lanes with a listing waiting and room for it, first listing first. */
		private final PriorityQueue<Lane> ready = new PriorityQueue<>(
				(a, b) -> Integer.compare(a.waiting.peekFirst(), b.waiting.peekFirst()));

		private final Map<Future<Integer>, Task> running = new HashMap<>();

		private final CompletionService<Integer> finished = new ExecutorCompletionService<>(threads);

		private boolean stopping;

		Dispatch(List<ChannelListing> listings, String channel, RunBudget budget,
				Function<ChannelListing, ListingOutcome> sync, Runnable done) {
			this.listings = listings;
			this.budget = budget;
			this.sync = sync;
			this.done = done;
			this.outcomes = new ListingOutcome[listings.size()];
			Map<String, Lane> byHost = new HashMap<>();
			for (int i = 0; i < listings.size(); i++) {
				String host = ListingHost.of(listings.get(i), channel);
				byHost.computeIfAbsent(host, h -> {
					Lane lane = new Lane();
					lanes.add(lane);
					return lane;
				}).waiting.addLast(i);
			}
			ready.addAll(lanes);
		}

		void run() {
			while (true) {
				startWhatMay();
				if (running.isEmpty()) {
					break;
				}
				collect(next());
			}
			if (stopping) {
				// kept for whoever runs next on this thread
				Thread.currentThread().interrupt();
			}
		}

		private void startWhatMay() {
			if (stopping || budget.spent()) {
				leaveTheRest();
				return;
			}
			while (running.size() < concurrency && !ready.isEmpty()) {
				Lane lane = ready.poll();
				int index = lane.waiting.pollFirst();
				lane.running++;
				Task task = new Task(index, lane);
				running.put(finished.submit(task), task);
				if (lane.accepts()) {
					ready.add(lane);
				}
			}
		}

		/** Every listing not started gets its outcome without being synced. */
		private void leaveTheRest() {
			for (Lane lane : lanes) {
				while (!lane.waiting.isEmpty()) {
					int index = lane.waiting.pollFirst();
					ChannelListing listing = listings.get(index);
					outcomes[index] = ListingOutcome.failed(listing.externalListingId(), listing.propertyId(),
							stopping ? "The sync was stopped before this listing (the instance is shutting down); "
									+ "nothing of it changed." : budget.notReached());
					done.run();
				}
			}
			ready.clear();
		}

		private Future<Integer> next() {
			while (true) {
				try {
					return finished.take();
				}
				catch (InterruptedException interrupted) {
					// Stopping: the listings under way are interrupted, and their
					// outcomes
					// still awaited.
					stopping = true;
					running.values().forEach(Task::interrupt);
					leaveTheRest();
				}
			}
		}

		private void collect(Future<Integer> future) {
			Task task = running.remove(future);
			task.lane.running--;
			if (task.lane.running == perHost - 1 && !task.lane.waiting.isEmpty()) {
				ready.add(task.lane);
			}
			try {
				future.get();
			}
			catch (ExecutionException failed) {
				if (failed.getCause() instanceof Error error) {
					throw error;
				}
				if (failed.getCause() instanceof RuntimeException bug) {
					throw bug;
				}
				throw new IllegalStateException(failed.getCause());
			}
			catch (InterruptedException impossible) {
				// a completed future does not wait
				stopping = true;
			}
			done.run();
		}

		private final class Task implements Callable<Integer> {

			private final int index;

			private final Lane lane;

			private Thread runner;

			Task(int index, Lane lane) {
				this.index = index;
				this.lane = lane;
			}

			@Override
			public Integer call() {
				synchronized (this) {
					runner = Thread.currentThread();
				}
				try {
					outcomes[index] = sync.apply(listings.get(index));
					return index;
				}
				finally {
					synchronized (this) {
						runner = null;
					}
				}
			}

			synchronized void interrupt() {
				if (runner != null) {
					runner.interrupt();
				}
			}

		}

	}

	/** The listings of one host waiting to start, and how many of them are under way. */
	private final class Lane {

		private final Deque<Integer> waiting = new ArrayDeque<>();

		private int running;

		boolean accepts() {
			return running < perHost && !waiting.isEmpty();
		}

	}

	@Override
	public void destroy() {
		threads.shutdownNow();
	}

}

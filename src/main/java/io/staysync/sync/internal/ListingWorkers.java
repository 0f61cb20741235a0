package io.staysync.sync.internal;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import io.staysync.common.TimeLimit;

/**
 * The threads listings are fetched and read on, so that a run waits for one listing at
 * most as long as its time budget, whatever the connector is doing. A fetch the run
 * stopped waiting for is interrupted and left to end on its own, which it soon does: the
 * connector is given the same time limit and checks it between the events and rules it
 * reads, the guarded client's deadline closes a socket that still drips, and the
 * interrupt ends any wait before a retry. So an abandoned worker does not keep burning
 * CPU, and it never holds a database connection (fetching holds none). An {@link Error}
 * on a worker is thrown again on the run's thread, as if the fetch had run there: a dying
 * worker still leaves its run to be closed as abandoned.
 */
@Component
class ListingWorkers implements DisposableBean {

	private final AtomicInteger count = new AtomicInteger();

	private final ExecutorService threads = Executors.newCachedThreadPool(work -> {
		Thread thread = new Thread(work, "listing-fetch-" + count.incrementAndGet());
		thread.setDaemon(true);
		return thread;
	});

	/**
	 * What {@code work} returns, if it returns within the limit.
	 * @throws TimeoutException when the limit passed first; the work was interrupted
	 * @throws CancellationException when the waiting thread was interrupted (the instance
	 * is stopping); the work was interrupted too
	 */
	<T> T within(TimeLimit limit, Supplier<T> work) throws TimeoutException {
		Future<T> future = threads.submit(work::get);
		try {
			Duration remaining = limit.remaining();
			return remaining == null ? future.get() : future.get(remaining.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException late) {
			future.cancel(true);
			throw late;
		}
		catch (InterruptedException stopping) {
			future.cancel(true);
			Thread.currentThread().interrupt();
			throw new CancellationException("interrupted while waiting for a listing");
		}
		catch (ExecutionException failed) {
			Throwable cause = failed.getCause();
			if (cause instanceof Error error) {
				throw error;
			}
			if (cause instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException(cause);
		}
	}

	@Override
	public void destroy() {
		threads.shutdownNow();
	}

}

package io.staysync.sync.internal;

import java.sql.SQLException;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import com.zaxxer.hikari.HikariDataSource;

/**
 * How many listings store what they fetched at once, across every run of this instance:
 * at most half the database pool, so that listings fetched concurrently never take every
 * connection away from heartbeats, progress, the scheduler and the console. Fetching and
 * reading hold no connection and are not bounded here; a listing waits for a slot only
 * for its short transaction.
 */
@Component
class ApplySlots {

	private static final Logger log = LoggerFactory.getLogger(ApplySlots.class);

	/** What a pool that does not say its size is taken to hold (Hikari's default). */
	static final int UNKNOWN_POOL_SIZE = 10;

	private final Semaphore slots;

	private final int size;

	@Autowired
	ApplySlots(DataSource dataSource, SyncSettings settings) {
		this(sizeFor(poolSize(dataSource), settings.listingConcurrency()));
	}

	ApplySlots(int size) {
		this.size = size;
		this.slots = new Semaphore(size, true);
	}

	static int sizeFor(int poolSize, int listingConcurrency) {
		return Math.max(1, Math.min(listingConcurrency, poolSize / 2));
	}

	int size() {
		return size;
	}

	/**
	 * Runs {@code storing} once a slot is free.
	 * @throws java.util.concurrent.CancellationException when interrupted while waiting
	 * (the instance is stopping); nothing was stored
	 */
	<T> T store(Supplier<T> storing) {
		try {
			slots.acquire();
		}
		catch (InterruptedException stopping) {
			Thread.currentThread().interrupt();
			throw new java.util.concurrent.CancellationException("interrupted while waiting to store a listing");
		}
		try {
			return storing.get();
		}
		finally {
			slots.release();
		}
	}

	private static int poolSize(DataSource dataSource) {
		try {
			if (dataSource.isWrapperFor(HikariDataSource.class)) {
				return dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize();
			}
		}
		catch (SQLException unknown) {
			log.debug("The size of the database pool is unknown: {}", unknown.getMessage());
		}
		return UNKNOWN_POOL_SIZE;
	}

}

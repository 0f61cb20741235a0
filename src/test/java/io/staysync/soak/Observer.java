package io.staysync.soak;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * Watches Staysync's database from outside while the soak runs, a few times a second:
 * each booking's states with the moment Staysync stored them, and each availability push
 * enqueued with the moment it was (its {@code pending_since}). A restarting database is
 * skipped over. Also answers, as an acknowledgement is taken, what is committed.
 */
final class Observer implements AutoCloseable {

	/** A booking as stored at one moment. */
	record Seen(String status, LocalDate checkIn, LocalDate checkOut, Instant storedAt) {
	}

	private final String url;

	private final Map<String, List<Seen>> bookings = new ConcurrentHashMap<>();

	private final Map<String, NavigableSet<Instant>> pushesEnqueued = new ConcurrentHashMap<>();

	private final Thread thread;

	private volatile boolean running = true;

	private Connection watching;

	private Connection asking;

	private Instant since = Instant.EPOCH;

	Observer(String jdbcUrl) {
		this.url = jdbcUrl + "?connectTimeout=3&socketTimeout=10&loginTimeout=3";
		this.thread = new Thread(this::watch, "soak-observer");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	private void watch() {
		while (running) {
			try {
				if (watching == null || watching.isClosed()) {
					watching = DriverManager.getConnection(url, "postgres", "");
				}
				poll(watching);
			}
			catch (SQLException unavailable) {
				close(watching);
				watching = null;
			}
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException interrupted) {
				return;
			}
		}
	}

	private void poll(Connection connection) throws SQLException {
		try (PreparedStatement query = connection.prepareStatement(
				"select source, external_id, status, check_in, check_out, updated_at from bookings where updated_at >= ?")) {
			query.setTimestamp(1, Timestamp.from(since.minusSeconds(5)));
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					Instant stored = rows.getTimestamp(6).toInstant();
					Seen seen = new Seen(rows.getString(3), rows.getObject(4, LocalDate.class),
							rows.getObject(5, LocalDate.class), stored);
					List<Seen> history = bookings.computeIfAbsent(channel(rows.getString(1)) + "/" + rows.getString(2),
							key -> Collections.synchronizedList(new ArrayList<>()));
					synchronized (history) {
						if (history.isEmpty() || !history.get(history.size() - 1).equals(seen)) {
							history.add(seen);
						}
					}
					if (stored.isAfter(since)) {
						since = stored;
					}
				}
			}
		}
		try (PreparedStatement query = connection
			.prepareStatement("select property_id, pending_since from availability_pushes");
				ResultSet rows = query.executeQuery()) {
			while (rows.next()) {
				pushesEnqueued.computeIfAbsent(rows.getString(1), key -> new ConcurrentSkipListSet<>())
					.add(rows.getTimestamp(2).toInstant());
			}
		}
	}

	static String channel(String source) {
		return source.toLowerCase(java.util.Locale.ROOT);
	}

	/** The states a booking was seen in, oldest first. */
	List<Seen> history(String channel, String key) {
		List<Seen> history = bookings.getOrDefault(channel + "/" + key, List.of());
		synchronized (history) {
			return List.copyOf(history);
		}
	}

	/** The first push of the property enqueued at or after {@code from}, if seen. */
	Instant pushEnqueuedFrom(String propertyId, Instant from) {
		NavigableSet<Instant> enqueued = pushesEnqueued.get(propertyId);
		return enqueued == null ? null : enqueued.ceiling(from);
	}

	/**
	 * What the database holds for a Booking.com reservation right now, from a connection
	 * of its own; {@code null} when it cannot be asked.
	 */
	synchronized Seen committedNow(String key) {
		try {
			if (asking == null || asking.isClosed()) {
				asking = DriverManager.getConnection(url, "postgres", "");
			}
			try (PreparedStatement query = asking.prepareStatement(
					"select status, check_in, check_out, updated_at from bookings where source = 'BOOKING_COM' and external_id = ?")) {
				query.setString(1, key);
				try (ResultSet rows = query.executeQuery()) {
					return rows.next()
							? new Seen(rows.getString(1), rows.getObject(2, LocalDate.class),
									rows.getObject(3, LocalDate.class), rows.getTimestamp(4).toInstant())
							: new Seen("ABSENT", null, null, null);
				}
			}
		}
		catch (SQLException unavailable) {
			close(asking);
			asking = null;
			return null;
		}
	}

	@Override
	public void close() {
		running = false;
		thread.interrupt();
		try {
			thread.join(5000);
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
		}
		close(watching);
		synchronized (this) {
			close(asking);
		}
	}

	private static void close(Connection connection) {
		if (connection != null) {
			try {
				connection.close();
			}
			catch (SQLException ignored) {
				// closing a broken connection
			}
		}
	}

}

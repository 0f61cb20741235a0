package io.staysync.soak;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The iCal channel of the soak: one feed per listing on 127.0.0.1, each the current
 * events of its listing, with an ETag and 304 like a channel's server. Faults: a latency
 * on every answer, feeds answering 500, feeds cut in the middle. Counts what it injected.
 */
final class FeedPeer implements AutoCloseable {

	private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

	private final HttpServer server;

	private final ExecutorService executor = Executors.newFixedThreadPool(8);

	private final Map<Integer, Map<String, Event>> feeds = new ConcurrentHashMap<>();

	private final Set<Integer> failing = ConcurrentHashMap.newKeySet();

	private final Set<Integer> truncated = ConcurrentHashMap.newKeySet();

	private volatile Duration latency = Duration.ZERO;

	final AtomicLong served = new AtomicLong();

	final AtomicLong failed = new AtomicLong();

	final AtomicLong cut = new AtomicLong();

	final AtomicLong slowed = new AtomicLong();

	/** One event of a feed: a stay, end-exclusive. */
	record Event(String uid, LocalDate start, LocalDate end) {
	}

	FeedPeer(int port) throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 200);
		server.createContext("/feed/", this::handle);
		server.setExecutor(executor);
		server.start();
	}

	String url(int feed) {
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/feed/" + feed + ".ics";
	}

	void put(int feed, Event event) {
		feeds.computeIfAbsent(feed, f -> new ConcurrentHashMap<>()).put(event.uid(), event);
	}

	void remove(int feed, String uid) {
		feeds.computeIfAbsent(feed, f -> new ConcurrentHashMap<>()).remove(uid);
	}

	void latency(Duration latency) {
		this.latency = latency;
	}

	void failing(Set<Integer> feeds) {
		failing.clear();
		failing.addAll(feeds);
	}

	void truncated(Set<Integer> feeds) {
		truncated.clear();
		truncated.addAll(feeds);
	}

	void noFaults() {
		latency = Duration.ZERO;
		failing.clear();
		truncated.clear();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String path = exchange.getRequestURI().getPath();
			int feed;
			try {
				feed = Integer.parseInt(path.substring("/feed/".length(), path.length() - ".ics".length()));
			}
			catch (RuntimeException notOurs) {
				exchange.sendResponseHeaders(404, -1);
				return;
			}
			served.incrementAndGet();
			if (!latency.isZero()) {
				slowed.incrementAndGet();
				Thread.sleep(latency.toMillis());
			}
			if (failing.contains(feed)) {
				failed.incrementAndGet();
				exchange.sendResponseHeaders(500, -1);
				return;
			}
			byte[] body = ics(feed).getBytes(StandardCharsets.UTF_8);
			String etag = "\"" + Integer.toHexString(java.util.Arrays.hashCode(body)) + "-" + body.length + "\"";
			if (truncated.contains(feed)) {
				cut.incrementAndGet();
				byte[] half = java.util.Arrays.copyOf(body, body.length / 2);
				exchange.getResponseHeaders().set("Content-Type", "text/calendar; charset=utf-8");
				exchange.sendResponseHeaders(200, half.length);
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(half);
				}
				return;
			}
			exchange.getResponseHeaders().set("ETag", etag);
			if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
				exchange.sendResponseHeaders(304, -1);
				return;
			}
			exchange.getResponseHeaders().set("Content-Type", "text/calendar; charset=utf-8");
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
		}
	}

	private String ics(int feed) {
		StringBuilder ics = new StringBuilder("BEGIN:VCALENDAR\r\nPRODID:-//Staysync soak//EN\r\nVERSION:2.0\r\n");
		feeds.getOrDefault(feed, Map.of())
			.values()
			.stream()
			.sorted(java.util.Comparator.comparing(Event::uid))
			.forEach(event -> ics.append("BEGIN:VEVENT\r\nDTSTAMP:20261120T081502Z\r\nDTSTART;VALUE=DATE:")
				.append(DATE.format(event.start()))
				.append("\r\nDTEND;VALUE=DATE:")
				.append(DATE.format(event.end()))
				.append("\r\nSUMMARY:Reserved\r\nUID:")
				.append(event.uid())
				.append("\r\nEND:VEVENT\r\n"));
		return ics.append("END:VCALENDAR\r\n").toString();
	}

	@Override
	public void close() {
		server.stop(0);
		executor.shutdownNow();
	}

}

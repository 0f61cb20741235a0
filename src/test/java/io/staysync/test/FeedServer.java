package io.staysync.test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A channel's feed server for tests, on 127.0.0.1: serves what a test puts at a path,
 * with an ETag and 304 for a matching If-None-Match, like real channel servers.
 */
public final class FeedServer implements AutoCloseable {

	private final HttpServer server;

	private final Map<String, Answer> answers = new ConcurrentHashMap<>();

	private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

	private final Map<String, java.util.concurrent.CountDownLatch> held = new ConcurrentHashMap<>();

	private final Map<String, java.time.Duration> dripping = new ConcurrentHashMap<>();

	private final Map<String, Integer> extraHeaders = new ConcurrentHashMap<>();

	public FeedServer() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", this::handle);
		server.setExecutor(Executors.newFixedThreadPool(8));
		server.start();
	}

	public String url(String path) {
		return "http://127.0.0.1:" + server.getAddress().getPort() + path;
	}

	public void serve(String path, byte[] body, String contentType) {
		answers.put(path, new Answer(200, body, contentType, null));
	}

	/** A recorded feed from {@code src/test/resources/channels/ical/}. */
	public static byte[] icalFixture(String name) throws IOException {
		try (java.io.InputStream in = FeedServer.class.getResourceAsStream("/channels/ical/" + name)) {
			if (in == null) {
				throw new IOException("No recorded feed " + name);
			}
			return in.readAllBytes();
		}
	}

	public void serve(String path, String body, String contentType) {
		serve(path, body.getBytes(StandardCharsets.UTF_8), contentType);
	}

	public void fail(String path, int status) {
		answers.put(path, new Answer(status, "error".getBytes(StandardCharsets.UTF_8), "text/plain", null));
	}

	public void redirect(String path, String location) {
		answers.put(path, new Answer(302, new byte[0], "text/plain", location));
	}

	/**
	 * A calendar that starts at once and then comes one byte every {@code every}, for at
	 * most a minute: a feed that never quite stalls, so no read timeout fires.
	 */
	public void drip(String path, java.time.Duration every) {
		dripping.put(path, every);
		answers.put(path, new Answer(200, new byte[0], "text/calendar", null));
	}

	/** A calendar served with {@code headers} extra header lines. */
	public void serveWithHeaders(String path, String body, int headers) {
		extraHeaders.put(path, headers);
		serve(path, body, "text/calendar");
	}

	/** Requests for this path wait until {@link #release} (at most 20 s). */
	public void hold(String path) {
		held.put(path, new java.util.concurrent.CountDownLatch(1));
	}

	public void release(String path) {
		java.util.concurrent.CountDownLatch gate = held.remove(path);
		if (gate != null) {
			gate.countDown();
		}
	}

	public int hits(String path) {
		return hits.getOrDefault(path, new AtomicInteger()).get();
	}

	private void handle(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
		java.util.concurrent.CountDownLatch gate = held.get(path);
		if (gate != null) {
			try {
				gate.await(20, java.util.concurrent.TimeUnit.SECONDS);
			}
			catch (InterruptedException interrupted) {
				Thread.currentThread().interrupt();
			}
		}
		Answer answer = answers.get(path);
		if (answer == null) {
			answer = new Answer(404, "not found".getBytes(StandardCharsets.UTF_8), "text/plain", null);
		}
		java.time.Duration every = dripping.get(path);
		if (every != null) {
			drip(exchange, every);
			return;
		}
		for (int n = 0; n < extraHeaders.getOrDefault(path, 0); n++) {
			exchange.getResponseHeaders().add("X-Padding-" + n, "padding");
		}
		String etag = "\"" + hash(answer.body()) + "\"";
		if (answer.location() != null) {
			exchange.getResponseHeaders().add("Location", answer.location());
		}
		if (answer.status() == 200) {
			exchange.getResponseHeaders().add("ETag", etag);
			if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
				exchange.sendResponseHeaders(304, -1);
				exchange.close();
				return;
			}
		}
		exchange.getResponseHeaders().add("Content-Type", answer.contentType());
		exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(answer.body());
		}
	}

	private static void drip(HttpExchange exchange, java.time.Duration every) throws IOException {
		exchange.getResponseHeaders().add("Content-Type", "text/calendar");
		exchange.sendResponseHeaders(200, 0);
		long until = System.nanoTime() + java.time.Duration.ofMinutes(1).toNanos();
		try (OutputStream out = exchange.getResponseBody()) {
			out.write("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nX-WR-CALNAME:".getBytes(StandardCharsets.US_ASCII));
			while (System.nanoTime() - until < 0) {
				out.write('x');
				out.flush();
				Thread.sleep(every.toMillis());
			}
		}
		catch (InterruptedException stopped) {
			Thread.currentThread().interrupt();
		}
	}

	private static String hash(byte[] body) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body), 0, 8);
		}
		catch (Exception impossible) {
			throw new IllegalStateException(impossible);
		}
	}

	@Override
	public void close() {
		server.stop(0);
	}

	private record Answer(int status, byte[] body, String contentType, String location) {
	}

}

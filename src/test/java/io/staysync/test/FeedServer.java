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

	static {
		// Without it the JDK server writes a response's head and body in two packets with
		// Nagle's algorithm on, and every response waits ~40 ms for the client's delayed
		// ACK: the server, not the client, would be what a benchmark measures.
		if (System.getProperty("sun.net.httpserver.nodelay") == null) {
			System.setProperty("sun.net.httpserver.nodelay", "true");
		}
	}

	private final String host;

	private final InFlight inFlight = new InFlight();

	private volatile InFlight alsoCounting;

	private volatile java.time.Duration latency = java.time.Duration.ZERO;

	private volatile boolean validators = true;

	public FeedServer() throws IOException {
		this("127.0.0.1");
	}

	/**
	 * On another loopback address ({@code 127.0.0.2}, …): a second host for the client,
	 * on the same machine.
	 */
	public FeedServer(String host) throws IOException {
		this.host = host;
		server = HttpServer.create(new InetSocketAddress(host, 0), 0);
		server.createContext("/", this::handle);
		server.setExecutor(Executors.newCachedThreadPool(work -> {
			Thread thread = new Thread(work, "feed-server");
			thread.setDaemon(true);
			return thread;
		}));
		server.start();
	}

	public String url(String path) {
		return "http://" + host + ":" + server.getAddress().getPort() + path;
	}

	/** Every answer waits this long first: a slow channel server. */
	public void slowDown(java.time.Duration latency) {
		this.latency = latency;
	}

	/**
	 * No ETag and no 304 from now on, as many small exporters answer: the whole calendar
	 * every time.
	 */
	public void withoutValidators() {
		this.validators = false;
	}

	/** ETags and 304s again, after {@link #withoutValidators()}. */
	public void withValidators() {
		this.validators = true;
	}

	/** How many requests this server is answering at once, now and at most. */
	public InFlight inFlight() {
		return inFlight;
	}

	/** Requests are also counted here: one count over several servers. */
	public void alsoCount(InFlight shared) {
		this.alsoCounting = shared;
	}

	/**
	 * Requests being answered at once: the most a client ever had open, counted by the
	 * server, so that a test asserts on concurrency and never on time.
	 */
	public static final class InFlight {

		private final AtomicInteger now = new AtomicInteger();

		private final AtomicInteger max = new AtomicInteger();

		void enter() {
			max.accumulateAndGet(now.incrementAndGet(), Math::max);
		}

		void leave() {
			now.decrementAndGet();
		}

		public int max() {
			return max.get();
		}

		public int now() {
			return now.get();
		}

		public void reset() {
			max.set(now.get());
		}

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
		InFlight shared = alsoCounting;
		inFlight.enter();
		if (shared != null) {
			shared.enter();
		}
		try {
			if (!latency.isZero()) {
				Thread.sleep(latency.toMillis());
			}
			answer(exchange);
		}
		catch (InterruptedException stopped) {
			Thread.currentThread().interrupt();
		}
		finally {
			inFlight.leave();
			if (shared != null) {
				shared.leave();
			}
		}
	}

	private void answer(HttpExchange exchange) throws IOException {
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
		if (answer.status() == 200 && validators) {
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
		((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
	}

	private record Answer(int status, byte[] body, String contentType, String location) {
	}

}

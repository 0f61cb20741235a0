package io.staysync.soak;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The integrator of the soak: takes Staysync's outbound webhooks on 127.0.0.1 and keeps
 * every {@code webhook-id} it answered 2xx to. While faulty it refuses every
 * {@code failEvery}-th request with 503, so that deliveries are retried.
 */
final class WebhookReceiver implements AutoCloseable {

	private final HttpServer server;

	private final ExecutorService executor = Executors.newFixedThreadPool(4);

	private final Set<String> received = ConcurrentHashMap.newKeySet();

	private final AtomicLong requests = new AtomicLong();

	final AtomicLong refused = new AtomicLong();

	final AtomicLong repeated = new AtomicLong();

	private volatile int failEvery;

	WebhookReceiver(int port) throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 100);
		server.createContext("/hooks", this::handle);
		server.setExecutor(executor);
		server.start();
	}

	String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
	}

	void failEvery(int every) {
		this.failEvery = every;
	}

	Set<String> received() {
		return Set.copyOf(received);
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			exchange.getRequestBody().readAllBytes();
			String id = exchange.getRequestHeaders().getFirst("webhook-id");
			long request = requests.incrementAndGet();
			if (failEvery > 0 && request % failEvery == 0) {
				refused.incrementAndGet();
				exchange.sendResponseHeaders(503, -1);
				return;
			}
			if (id != null && !received.add(id)) {
				repeated.incrementAndGet();
			}
			exchange.sendResponseHeaders(204, -1);
		}
	}

	@Override
	public void close() {
		server.stop(0);
		executor.shutdownNow();
	}

}

package io.staysync.webhooks.outbound;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An integrator's endpoint for tests, on 127.0.0.1: records every request it gets and
 * answers with the next scripted answer (200 when none is left), possibly slowly or with
 * a redirect.
 */
final class WebhookReceiver implements AutoCloseable {

	private final HttpServer server;

	private final Queue<Answer> script = new ConcurrentLinkedQueue<>();

	private final List<Received> received = new CopyOnWriteArrayList<>();

	WebhookReceiver() throws IOException {
		this(0);
	}

	WebhookReceiver(int port) throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
		server.createContext("/", this::handle);
		server.setExecutor(Executors.newFixedThreadPool(4));
		server.start();
	}

	int port() {
		return server.getAddress().getPort();
	}

	String url(String host, String path) {
		return "http://" + host + ":" + port() + path;
	}

	WebhookReceiver then(int status) {
		script.add(new Answer(status, null, Duration.ZERO, null));
		return this;
	}

	WebhookReceiver thenRetryAfter(int status, String retryAfter) {
		script.add(new Answer(status, null, Duration.ZERO, retryAfter));
		return this;
	}

	WebhookReceiver thenRedirectTo(String location) {
		script.add(new Answer(302, location, Duration.ZERO, null));
		return this;
	}

	WebhookReceiver thenSlowly(Duration delay) {
		script.add(new Answer(200, null, delay, null));
		return this;
	}

	List<Received> received() {
		return List.copyOf(received);
	}

	List<Received> receivedAt(String path) {
		return received.stream().filter(request -> request.path().equals(path)).toList();
	}

	@Override
	public void close() {
		server.stop(0);
	}

	private void handle(HttpExchange exchange) throws IOException {
		byte[] body;
		try (InputStream in = exchange.getRequestBody()) {
			body = in.readAllBytes();
		}
		received
			.add(new Received(exchange.getRequestURI().getPath(), exchange.getRequestHeaders().getFirst("webhook-id"),
					exchange.getRequestHeaders().getFirst("webhook-timestamp"),
					exchange.getRequestHeaders().getFirst("webhook-signature"),
					exchange.getRequestHeaders().getFirst("content-type"), body));
		Answer answer = script.poll();
		if (answer == null) {
			answer = new Answer(200, null, Duration.ZERO, null);
		}
		try {
			Thread.sleep(answer.delay().toMillis());
		}
		catch (InterruptedException stopped) {
			Thread.currentThread().interrupt();
		}
		if (answer.location() != null) {
			exchange.getResponseHeaders().add("Location", answer.location());
		}
		if (answer.retryAfter() != null) {
			exchange.getResponseHeaders().add("Retry-After", answer.retryAfter());
		}
		byte[] reply = "ok".getBytes(StandardCharsets.UTF_8);
		try {
			exchange.sendResponseHeaders(answer.status(), reply.length);
			exchange.getResponseBody().write(reply);
		}
		catch (IOException clientGone) {
			// The sender timed out and closed the connection.
		}
		exchange.close();
	}

	record Answer(int status, String location, Duration delay, String retryAfter) {
	}

	record Received(String path, String id, String timestamp, String signature, String contentType, byte[] body) {

		String text() {
			return new String(body, StandardCharsets.UTF_8);
		}

	}

}

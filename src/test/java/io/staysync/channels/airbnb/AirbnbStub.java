package io.staysync.channels.airbnb;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import com.sun.net.httpserver.HttpServer;

/**
 * A scripted Airbnb on 127.0.0.1 for tests of the client against recorded payloads: each
 * test says what every request gets (a status, headers, a body, a stall), and reads what
 * the client sent.
 */
final class AirbnbStub implements AutoCloseable {

	private final HttpServer server;

	private final ExecutorService handlers = Executors.newCachedThreadPool();

	final List<Seen> seen = new CopyOnWriteArrayList<>();

	private volatile Function<Seen, Reply> script = request -> Reply.json(404,
			"{\"error_code\":404,\"error_type\":\"not_found\",\"error_message\":\"No script.\"}");

	AirbnbStub() throws IOException {
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
		server.setExecutor(handlers);
		server.createContext("/", exchange -> {
			try (exchange) {
				byte[] body;
				try (InputStream in = exchange.getRequestBody()) {
					body = in.readAllBytes();
				}
				Map<String, String> headers = new LinkedHashMap<>();
				exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
				URI uri = exchange.getRequestURI();
				Seen request = new Seen(exchange.getRequestMethod(), uri.getPath(), query(uri.getRawQuery()), headers,
						new String(body, StandardCharsets.UTF_8));
				seen.add(request);
				Reply reply = script.apply(request);
				if (reply.stallMillis() > 0) {
					Thread.sleep(reply.stallMillis());
				}
				reply.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
				if (reply.contentType() != null) {
					exchange.getResponseHeaders().set("Content-Type", reply.contentType());
				}
				exchange.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(reply.body());
				}
			}
			catch (IOException | InterruptedException clientWentAway) {
				// the client gave up on purpose (a time-out test)
			}
		});
		server.start();
	}

	void script(Function<Seen, Reply> script) {
		this.script = script;
	}

	URI api() {
		return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v2");
	}

	List<Seen> requests(String path) {
		return seen.stream().filter(request -> request.path().equals("/v2/" + path)).toList();
	}

	static String fixture(String name) {
		try (InputStream in = AirbnbStub.class.getResourceAsStream("/channels/airbnb/" + name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException | NullPointerException missing) {
			throw new IllegalStateException("No fixture " + name, missing);
		}
	}

	private static Map<String, String> query(String raw) {
		Map<String, String> query = new LinkedHashMap<>();
		if (raw == null) {
			return query;
		}
		for (String pair : raw.split("&")) {
			String[] parts = pair.split("=", 2);
			query.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
					parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
		}
		return query;
	}

	@Override
	public void close() {
		server.stop(0);
		handlers.shutdownNow();
	}

	/** One request the client made. */
	record Seen(String method, String path, Map<String, String> query, Map<String, String> headers, String body) {

		String header(String name) {
			return headers.get(name.toLowerCase());
		}

	}

	/** What a request gets. */
	record Reply(int status, Map<String, String> headers, String contentType, byte[] body, long stallMillis) {

		static Reply json(int status, String body) {
			return new Reply(status, Map.of(), "application/json", body.getBytes(StandardCharsets.UTF_8), 0);
		}

		static Reply fixture(int status, String name) {
			return json(status, AirbnbStub.fixture(name));
		}

		Reply with(String header, String value) {
			Map<String, String> more = new LinkedHashMap<>(headers);
			more.put(header, value);
			return new Reply(status, more, contentType, body, stallMillis);
		}

		Reply as(String type) {
			return new Reply(status, headers, type, body, stallMillis);
		}

		Reply stalling(long millis) {
			return new Reply(status, headers, contentType, body, millis);
		}

	}

}

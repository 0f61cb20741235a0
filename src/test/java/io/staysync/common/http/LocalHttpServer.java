package io.staysync.common.http;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server on 127.0.0.1 and a free port, recording the requests it received.
 */
final class LocalHttpServer implements AutoCloseable {

	private final HttpServer server;

	private final ExecutorService handlers = Executors.newCachedThreadPool();

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	LocalHttpServer() throws IOException {
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
		server.setExecutor(handlers);
		server.start();
	}

	/** Answers requests to {@code path} (and below it). */
	LocalHttpServer on(String path, HttpHandler handler) {
		server.createContext(path, exchange -> {
			requests.add(new Request(exchange.getRequestURI().getPath(), exchange.getRequestHeaders()));
			try (exchange) {
				handler.handle(exchange);
			}
			catch (IOException clientWentAway) {
				// expected whenever the client drops a connection on purpose
			}
		});
		return this;
	}

	URI url(String pathAndQuery) {
		return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery);
	}

	InetSocketAddress address() {
		return server.getAddress();
	}

	List<Request> requests(String path) {
		return requests.stream().filter(request -> request.path().equals(path)).toList();
	}

	static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		if (contentType != null) {
			exchange.getResponseHeaders().set("Content-Type", contentType);
		}
		exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	@Override
	public void close() {
		server.stop(0);
		handlers.shutdownNow();
	}

	record Request(String path, Headers headers) {
	}

}

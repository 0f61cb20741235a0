package io.staysync.common.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A server that answers with a head that never ends, written on a raw socket because no
 * HTTP server library would send one: one endless header line, or header lines without
 * end. HttpClient's defaults read both into memory until the deadline (half a gigabyte a
 * second on loopback); the guarded client stops at its bounds, says so, and does not try
 * again.
 */
class HostileHeadersTests {

	/** What the server would write if nobody stopped reading. */
	private static final long SERVER_CAP = 512L * 1024 * 1024;

	private ServerSocket socket;

	private Thread serverThread;

	private final AtomicLong written = new AtomicLong();

	private final AtomicInteger connections = new AtomicInteger();

	private final CountDownLatch clientLeft = new CountDownLatch(1);

	private GuardedHttpClient client;

	@BeforeEach
	void start() throws IOException {
		socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		client = new GuardedHttpClient(GuardedHttpSettings.defaults().withAllowPrivateAddresses(true),
				Clock.systemUTC());
	}

	@AfterEach
	void stop() throws Exception {
		client.close();
		socket.close();
		if (serverThread != null) {
			serverThread.join(10_000);
		}
	}

	@Test
	void oneHeaderLineWithoutEndIsCutAtItsBound() throws Exception {
		serve(out -> {
			out.write(ascii("HTTP/1.1 200 OK\r\nContent-Type: text/calendar\r\nX-Padding: "));
			byte[] block = ascii("a".repeat(64 * 1024));
			while (written.get() < SERVER_CAP) {
				out.write(block);
				written.addAndGet(block.length);
			}
		});

		FetchException tooLarge = fetchFails();

		assertThat(tooLarge.failure()).isEqualTo(FetchFailure.TOO_LARGE);
		assertThat(tooLarge).hasMessage("127.0.0.1 answered with a head larger than Staysync reads "
				+ "(more than 128 header lines, or a line longer than 16 KB).");
		assertThat(clientLeft.await(10, TimeUnit.SECONDS)).as("the client hung up").isTrue();
		assertThat(written.get()).as("far less than the server had to send").isLessThan(64L * 1024 * 1024);
	}

	@Test
	void headerLinesWithoutEndAreCutAtTheirBound() throws Exception {
		serve(out -> {
			out.write(ascii("HTTP/1.1 200 OK\r\n"));
			for (long n = 0; written.get() < SERVER_CAP; n++) {
				byte[] line = ascii("X-Line-" + n + ": " + "v".repeat(40) + "\r\n");
				out.write(line);
				written.addAndGet(line.length);
			}
		});

		FetchException tooLarge = fetchFails();

		assertThat(tooLarge.failure()).isEqualTo(FetchFailure.TOO_LARGE);
		assertThat(clientLeft.await(10, TimeUnit.SECONDS)).as("the client hung up").isTrue();
		assertThat(written.get()).as("far less than the server had to send").isLessThan(64L * 1024 * 1024);
	}

	@Test
	void aHeadTooLargeIsNotFetchedAgain() throws Exception {
		serve(out -> {
			out.write(ascii("HTTP/1.1 503 Slow Down\r\nRetry-After: 0\r\n"));
			for (int n = 0; n < 10_000; n++) {
				out.write(ascii("X-Line-" + n + ": v\r\n"));
			}
			out.write(ascii("\r\n"));
		});
		RetryingFetcher fetcher = new RetryingFetcher(client, millis -> {
		});

		FetchException tooLarge = catchThrowableOfType(FetchException.class,
				() -> fetcher.get(url(), Conditional.none()));

		assertThat(tooLarge.failure()).isEqualTo(FetchFailure.TOO_LARGE);
		assertThat(connections.get()).isEqualTo(1);
	}

	@Test
	void aHundredOrdinaryHeadersAndLongCookiesAreFine() throws Exception {
		serve(out -> {
			StringBuilder head = new StringBuilder("HTTP/1.1 200 OK\r\nContent-Type: text/calendar\r\n");
			for (int n = 0; n < 100; n++) {
				head.append("X-Line-").append(n).append(": ").append("v".repeat(100)).append("\r\n");
			}
			head.append("Set-Cookie: session=").append("c".repeat(12 * 1024)).append("\r\n");
			String body = "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n";
			head.append("Content-Length: ").append(body.length()).append("\r\n\r\n").append(body);
			out.write(ascii(head.toString()));
		});

		FetchResponse response = client.get(url(), Conditional.none());

		assertThat(response.status()).isEqualTo(200);
		assertThat(new String(response.body(), StandardCharsets.US_ASCII)).startsWith("BEGIN:VCALENDAR");
	}

	private FetchException fetchFails() {
		FetchException failed = catchThrowableOfType(FetchException.class, () -> client.get(url(), Conditional.none()));
		assertThat(failed).isNotNull();
		return failed;
	}

	private URI url() {
		return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/feed.ics");
	}

	/** Answers every connection with what {@code answer} writes, then closes it. */
	private void serve(Answer answer) {
		serverThread = new Thread(() -> {
			while (!socket.isClosed()) {
				try (Socket connection = socket.accept()) {
					connections.incrementAndGet();
					readRequestHead(connection.getInputStream());
					OutputStream out = connection.getOutputStream();
					answer.write(out);
					out.flush();
				}
				catch (IOException clientWentAwayOrServerStopped) {
					clientLeft.countDown();
				}
			}
		}, "hostile-headers-server");
		serverThread.setDaemon(true);
		serverThread.start();
	}

	private static void readRequestHead(InputStream in) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
			int next = in.read();
			if (next < 0) {
				throw new IOException("the client closed before asking anything");
			}
			head.write(next);
		}
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

	@FunctionalInterface
	private interface Answer {

		void write(OutputStream out) throws IOException;

	}

}

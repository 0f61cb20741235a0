package io.staysync.common.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import com.sun.net.httpserver.HttpExchange;

import static io.staysync.common.http.LocalHttpServer.respond;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The client against a real HTTP server on 127.0.0.1 (private addresses allowed, or the
 * server's own socket allowed where the test is about what stays refused).
 */
class GuardedHttpClientIntegrationTests {

	private static final String ICS = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n";

	private static final String ETAG = "\"v1\"";

	private static final String LAST_MODIFIED = "Wed, 21 Oct 2026 07:28:00 GMT";

	private static final long FIFTY_MB = DataSize.ofMegabytes(50).toBytes();

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-10-21T07:28:00Z"), ZoneOffset.UTC);

	private LocalHttpServer server;

	private GuardedHttpClient client;

	private final AtomicLong written = new AtomicLong();

	private final CountDownLatch streamEnded = new CountDownLatch(1);

	@BeforeEach
	void start() throws IOException {
		server = new LocalHttpServer();
		client = new GuardedHttpClient(GuardedHttpSettings.defaults().withAllowPrivateAddresses(true), CLOCK);
	}

	@AfterEach
	void stop() {
		client.close();
		server.close();
	}

	@Test
	void returnsTheBodyWithItsTypeAndValidators() throws Exception {
		server.on("/feed.ics", this::calendar);

		FetchResponse response = client.get(server.url("/feed.ics?t=s3cret"), Conditional.none());

		assertThat(response.status()).isEqualTo(200);
		assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(ICS);
		assertThat(response.contentType()).isEqualTo("text/calendar; charset=utf-8");
		assertThat(response.etag()).isEqualTo(ETAG);
		assertThat(response.lastModified()).isEqualTo(LAST_MODIFIED);
		assertThat(response.notModified()).isFalse();
		assertThat(response.finalUrl()).isEqualTo(server.url("/feed.ics?t=s3cret"));
	}

	@Test
	void anUnchangedFeedIsNotModifiedByEtagAndByLastModified() throws Exception {
		server.on("/feed.ics", this::calendar);
		FetchResponse first = client.get(server.url("/feed.ics"), Conditional.none());

		FetchResponse byEtag = client.get(server.url("/feed.ics"), new Conditional(first.etag(), null));
		FetchResponse byDate = client.get(server.url("/feed.ics"), new Conditional(null, first.lastModified()));

		assertThat(byEtag.notModified()).isTrue();
		assertThat(byEtag.body()).isEmpty();
		assertThat(byEtag.etag()).isEqualTo(ETAG);
		assertThat(byDate.notModified()).isTrue();
		assertThat(byDate.lastModified()).isEqualTo(LAST_MODIFIED);
		assertThat(server.requests("/feed.ics")).extracting(r -> r.headers().getFirst("If-None-Match"))
			.containsExactly(null, ETAG, null);
		assertThat(server.requests("/feed.ics")).extracting(r -> r.headers().getFirst("If-Modified-Since"))
			.containsExactly(null, null, LAST_MODIFIED);
	}

	@Test
	void aChangedFeedComesBackWhole() throws Exception {
		server.on("/feed.ics", this::calendar);

		FetchResponse changed = client.get(server.url("/feed.ics"), new Conditional("\"v0\"", null));

		assertThat(changed.status()).isEqualTo(200);
		assertThat(changed.body()).isNotEmpty();
	}

	@Test
	void sendsItsUserAgentAndAcceptButNeverCookiesOrCredentials() throws Exception {
		server.on("/cookie", exchange -> {
			exchange.getResponseHeaders().add("Set-Cookie", "session=abc; Path=/");
			respond(exchange, 200, "text/calendar", ICS);
		}).on("/private", exchange -> {
			exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"feeds\"");
			respond(exchange, 401, "text/plain", "who are you?");
		});

		client.get(server.url("/cookie"), Conditional.none());
		client.get(server.url("/cookie"), Conditional.none(), "application/json");
		FetchException unauthorised = catchThrowableOfType(FetchException.class,
				() -> client.get(server.url("/private"), Conditional.none()));

		assertThat(server.requests("/cookie")).allSatisfy(request -> {
			assertThat(request.headers().getFirst("User-Agent")).isEqualTo("Staysync/0.1 (+calendar sync)");
			assertThat(request.headers()).doesNotContainKeys("Cookie", "Authorization");
		});
		assertThat(server.requests("/cookie")).extracting(r -> r.headers().getFirst("Accept"))
			.containsExactly("text/calendar, */*;q=0.5", "application/json");
		assertThat(unauthorised.failure()).isEqualTo(FetchFailure.HTTP_ERROR);
		assertThat(unauthorised.httpStatus()).isEqualTo(401);
		assertThat(server.requests("/private")).hasSize(1)
			.allSatisfy(request -> assertThat(request.headers()).doesNotContainKey("Authorization"));
	}

	@Test
	void followsThreeRedirectsAndRefusesAFourth() throws Exception {
		server.on("/hop/", exchange -> {
			int left = Integer.parseInt(exchange.getRequestURI().getPath().substring("/hop/".length()));
			if (left == 0) {
				respond(exchange, 200, "text/calendar", ICS);
				return;
			}
			// relative and absolute locations, and every redirect status
			String next = "/hop/" + (left - 1);
			exchange.getResponseHeaders().set("Location", left % 2 == 0 ? next : server.url(next).toString());
			int[] statuses = { 301, 302, 303, 307, 308 };
			exchange.sendResponseHeaders(statuses[left % statuses.length], -1);
		});

		FetchResponse arrived = client.get(server.url("/hop/3"), Conditional.none());
		FetchException tooMany = catchThrowableOfType(FetchException.class,
				() -> client.get(server.url("/hop/4"), Conditional.none()));

		assertThat(arrived.status()).isEqualTo(200);
		assertThat(arrived.finalUrl()).isEqualTo(server.url("/hop/0"));
		assertThat(tooMany.failure()).isEqualTo(FetchFailure.TOO_MANY_REDIRECTS);
		assertThat(tooMany).hasMessageContaining("more than 3 times");
		assertThat(server.requests("/hop/0")).hasSize(1);
	}

	@Test
	void everyRedirectIsCheckedAgainWhenPrivateAddressesAreNotAllowed() throws Exception {
		int otherPort = freePort();
		redirect("/to-metadata", "http://169.254.169.254/latest/meta-data/iam/security-credentials/");
		redirect("/to-private", "http://10.0.0.1/admin");
		redirect("/to-other-local-port", "http://127.0.0.1:" + otherPort + "/");
		redirect("/to-mapped", "http://[::ffff:127.0.0.1]:" + otherPort + "/");
		redirect("/to-decimal", "http://2130706433:" + otherPort + "/");
		redirect("/to-ftp", "ftp://example.com/feed.ics");
		redirect("/to-credentials", "http://user:pw@example.com/feed.ics");
		server.on("/feed.ics", this::calendar);
		// private networks are refused; only this server's own socket is let through, for
		// the first hop
		AddressPolicy onlyThisServer = address -> address.equals(server.address())
				|| AddressPolicy.publicOnly().permits(address);

		try (GuardedHttpClient publicOnly = new GuardedHttpClient(GuardedHttpSettings.defaults(), CLOCK, onlyThisServer,
				PolicyDnsResolver.HostLookup.system())) {
			assertThat(publicOnly.get(server.url("/feed.ics"), Conditional.none()).status()).isEqualTo(200);
			assertThat(failure(publicOnly, "/to-metadata")).isEqualTo(FetchFailure.BLOCKED_ADDRESS);
			assertThat(failure(publicOnly, "/to-private")).isEqualTo(FetchFailure.BLOCKED_ADDRESS);
			assertThat(failure(publicOnly, "/to-other-local-port")).isEqualTo(FetchFailure.BLOCKED_ADDRESS);
			assertThat(failure(publicOnly, "/to-mapped")).isEqualTo(FetchFailure.BLOCKED_ADDRESS);
			assertThat(failure(publicOnly, "/to-decimal")).isEqualTo(FetchFailure.BLOCKED_ADDRESS);
			assertThat(failure(publicOnly, "/to-ftp")).isEqualTo(FetchFailure.INVALID_URL);
			assertThat(failure(publicOnly, "/to-credentials")).isEqualTo(FetchFailure.INVALID_URL);
		}
	}

	@Test
	void cloudMetadataStaysRefusedEvenWhenPrivateAddressesAreAllowed() {
		redirect("/to-metadata", "http://169.254.169.254/latest/meta-data/");

		assertThat(failure(client, "/to-metadata")).isEqualTo(FetchFailure.BLOCKED_ADDRESS);
	}

	@Test
	void aFiftyMegabyteBodyIsRefusedWithoutBeingRead() throws Exception {
		server.on("/declared", exchange -> stream(exchange, FIFTY_MB)).on("/chunked", exchange -> stream(exchange, 0));

		FetchException declared = catchThrowableOfType(FetchException.class,
				() -> client.get(server.url("/declared"), Conditional.none()));
		assertThat(streamEnded.await(10, TimeUnit.SECONDS)).isTrue();
		long writtenDeclared = written.getAndSet(0);

		assertThat(declared.failure()).isEqualTo(FetchFailure.TOO_LARGE);
		assertThat(declared).hasMessageContaining("larger than 5 MB");
		assertThat(writtenDeclared).isLessThan(FIFTY_MB / 2);

		FetchException chunked = catchThrowableOfType(FetchException.class,
				() -> client.get(server.url("/chunked"), Conditional.none()));

		assertThat(chunked.failure()).isEqualTo(FetchFailure.TOO_LARGE);
	}

	@Test
	void aChunkedBodyStopsShortlyAfterTheLimit() throws Exception {
		server.on("/chunked", exchange -> stream(exchange, 0));

		FetchException tooLarge = catchThrowableOfType(FetchException.class,
				() -> client.get(server.url("/chunked"), Conditional.none()));

		assertThat(tooLarge.failure()).isEqualTo(FetchFailure.TOO_LARGE);
		assertThat(streamEnded.await(10, TimeUnit.SECONDS)).isTrue();
		assertThat(written.get()).isLessThan(FIFTY_MB / 2);
	}

	@Test
	void aCompressedBodyIsLimitedByItsUnpackedSize() throws Exception {
		byte[] bomb = gzippedZeros(FIFTY_MB);
		server.on("/bomb", exchange -> {
			exchange.getResponseHeaders().set("Content-Encoding", "gzip");
			exchange.sendResponseHeaders(200, bomb.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bomb);
			}
		});

		FetchException tooLarge = catchThrowableOfType(FetchException.class,
				() -> client.get(server.url("/bomb"), Conditional.none()));

		assertThat(bomb.length).isLessThan(1024 * 1024);
		assertThat(tooLarge.failure()).isEqualTo(FetchFailure.TOO_LARGE);
	}

	@Test
	void theBodyOfARedirectIsNotRead() throws Exception {
		server.on("/moved", exchange -> {
			exchange.getResponseHeaders().set("Location", "/feed.ics");
			exchange.sendResponseHeaders(302, 0);
			streamZeros(exchange);
		}).on("/feed.ics", this::calendar);

		assertThat(client.get(server.url("/moved"), Conditional.none()).status()).isEqualTo(200);
		assertThat(streamEnded.await(10, TimeUnit.SECONDS)).isTrue();
		assertThat(written.get()).isLessThan(FIFTY_MB / 2);
	}

	@Test
	void aSlowDripIsCutAtTheTotalDeadline() throws Exception {
		server.on("/drip", exchange -> {
			exchange.sendResponseHeaders(200, 0);
			OutputStream out = exchange.getResponseBody();
			for (int i = 0; i < 600; i++) {
				out.write('x');
				out.flush();
				sleep(100);
			}
		});

		try (GuardedHttpClient impatient = impatient()) {
			long started = System.nanoTime();
			FetchException timedOut = catchThrowableOfType(FetchException.class,
					() -> impatient.get(server.url("/drip"), Conditional.none()));
			Duration took = Duration.ofNanos(System.nanoTime() - started);

			assertThat(timedOut.failure()).isEqualTo(FetchFailure.TIMEOUT);
			assertThat(timedOut).hasMessageContaining("took longer than 2 seconds");
			assertThat(took).isBetween(Duration.ofMillis(1900), Duration.ofSeconds(5));
		}
	}

	@Test
	void aReadBlockedWhenTheDeadlinePassesIsCutThenNotWhenTheNextByteComes() throws Exception {
		server.on("/stall", exchange -> {
			exchange.sendResponseHeaders(200, 0);
			OutputStream out = exchange.getResponseBody();
			for (int i = 0; i < 5; i++) {
				out.write('x');
				out.flush();
				sleep(1800);
			}
		});
		// each gap (1.8 s) is within the read timeout (1.9 s); the second one spans the
		// deadline (2 s)
		try (GuardedHttpClient impatient = new GuardedHttpClient(new GuardedHttpSettings(Duration.ofSeconds(1),
				Duration.ofMillis(1900), Duration.ofSeconds(2), DataSize.ofMegabytes(5), 3, true), CLOCK)) {
			long started = System.nanoTime();
			FetchException timedOut = catchThrowableOfType(FetchException.class,
					() -> impatient.get(server.url("/stall"), Conditional.none()));

			assertThat(timedOut.failure()).isEqualTo(FetchFailure.TIMEOUT);
			assertThat(timedOut).hasMessageContaining("took longer than 2 seconds");
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(3000));
		}
	}

	@Test
	void aServerThatStaysSilentTimesOutAtTheReadTimeout() throws Exception {
		server.on("/silent", exchange -> {
			sleep(5000);
			respond(exchange, 200, "text/calendar", ICS);
		});

		try (GuardedHttpClient impatient = impatient()) {
			long started = System.nanoTime();
			FetchException timedOut = catchThrowableOfType(FetchException.class,
					() -> impatient.get(server.url("/silent"), Conditional.none()));

			assertThat(timedOut.failure()).isEqualTo(FetchFailure.TIMEOUT);
			assertThat(timedOut).hasMessageContaining("stopped answering for more than 1 second");
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
		}
	}

	@Test
	void errorStatusesFailWithTheStatusAndAPlainMessage() {
		server.on("/gone", exchange -> respond(exchange, 404, "text/html", "<h1>Not found</h1>"))
			.on("/broken", exchange -> respond(exchange, 500, "text/plain", "boom"))
			.on("/nowhere", exchange -> exchange.sendResponseHeaders(302, -1));

		FetchException gone = catchThrowableOfType(FetchException.class,
				() -> client.get(server.url("/gone?t=s3cret"), Conditional.none()));
		FetchException broken = catchThrowableOfType(FetchException.class,
				() -> client.get(server.url("/broken"), Conditional.none()));
		FetchException nowhere = catchThrowableOfType(FetchException.class,
				() -> client.get(server.url("/nowhere"), Conditional.none()));

		assertThat(gone.failure()).isEqualTo(FetchFailure.HTTP_ERROR);
		assertThat(gone.httpStatus()).isEqualTo(404);
		assertThat(gone.retryAfter()).isNull();
		assertThat(gone).hasMessage("127.0.0.1 has nothing at this address (HTTP 404). The link may be outdated.");
		assertThat(broken.httpStatus()).isEqualTo(500);
		assertThat(broken).hasMessageContaining("Staysync will try again later");
		assertThat(nowhere.failure()).isEqualTo(FetchFailure.HTTP_ERROR);
		assertThat(nowhere.httpStatus()).isEqualTo(302);
	}

	@Test
	void tooManyRequestsAndUnavailableCarryRetryAfterInSecondsOrAsADate() {
		server.on("/busy", exchange -> {
			exchange.getResponseHeaders().set("Retry-After", "120");
			respond(exchange, 429, "text/plain", "slow down");
		}).on("/maintenance", exchange -> {
			exchange.getResponseHeaders().set("Retry-After", "Wed, 21 Oct 2026 07:33:00 GMT");
			respond(exchange, 503, "text/plain", "back soon");
		});

		FetchException busy = catchThrowableOfType(FetchException.class,
				() -> client.get(server.url("/busy"), Conditional.none()));
		FetchException maintenance = catchThrowableOfType(FetchException.class,
				() -> client.get(server.url("/maintenance"), Conditional.none()));

		assertThat(busy.httpStatus()).isEqualTo(429);
		assertThat(busy.retryAfter()).isEqualTo(Duration.ofSeconds(120));
		assertThat(maintenance.httpStatus()).isEqualTo(503);
		assertThat(maintenance.retryAfter()).isEqualTo(Duration.ofMinutes(5));
	}

	@Test
	void anHtmlPageServedWithOkIsAnOrdinaryResponseForTheParserToJudge() throws Exception {
		server.on("/login", exchange -> respond(exchange, 200, "text/html; charset=utf-8",
				"<!DOCTYPE html><html><body>Please sign in</body></html>"));

		FetchResponse page = client.get(server.url("/login"), Conditional.none());

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.contentType()).startsWith("text/html");
		assertThat(new String(page.body(), StandardCharsets.UTF_8)).contains("Please sign in");
	}

	@Test
	void aRefusedConnectionIsAnIoError() throws Exception {
		FetchException refused = catchThrowableOfType(FetchException.class,
				() -> client.get(URI.create("http://127.0.0.1:" + freePort() + "/feed.ics"), Conditional.none()));

		assertThat(refused.failure()).isEqualTo(FetchFailure.IO_ERROR);
		assertThat(refused).hasMessage("127.0.0.1 refused the connection.");
	}

	private void calendar(HttpExchange exchange) throws IOException {
		exchange.getResponseHeaders().set("ETag", ETAG);
		exchange.getResponseHeaders().set("Last-Modified", LAST_MODIFIED);
		String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
		String ifModifiedSince = exchange.getRequestHeaders().getFirst("If-Modified-Since");
		if (ETAG.equals(ifNoneMatch) || (ifNoneMatch == null && LAST_MODIFIED.equals(ifModifiedSince))) {
			exchange.sendResponseHeaders(304, -1);
			return;
		}
		respond(exchange, 200, "text/calendar; charset=utf-8", ICS);
	}

	private void redirect(String path, String location) {
		server.on(path, exchange -> {
			exchange.getResponseHeaders().set("Location", location);
			exchange.sendResponseHeaders(302, -1);
		});
	}

	private FetchFailure failure(GuardedHttpClient client, String path) {
		FetchException failed = catchThrowableOfType(FetchException.class,
				() -> client.get(server.url(path), Conditional.none()));
		assertThat(failed).as(path).isNotNull();
		assertThat(failed.getMessage()).as(path).doesNotContain("meta-data", "admin", "pw@");
		return failed.failure();
	}

	/**
	 * Sends up to 50 MB of zeros, declared ({@code length > 0}) or chunked, until the
	 * client goes away.
	 */
	private void stream(HttpExchange exchange, long length) throws IOException {
		exchange.getResponseHeaders().set("Content-Type", "text/calendar");
		exchange.sendResponseHeaders(200, length);
		streamZeros(exchange);
	}

	private void streamZeros(HttpExchange exchange) throws IOException {
		byte[] block = new byte[64 * 1024];
		try (OutputStream out = exchange.getResponseBody()) {
			while (written.get() < FIFTY_MB) {
				out.write(block);
				written.addAndGet(block.length);
			}
		}
		finally {
			streamEnded.countDown();
		}
	}

	private GuardedHttpClient impatient() {
		return new GuardedHttpClient(new GuardedHttpSettings(Duration.ofSeconds(1), Duration.ofSeconds(1),
				Duration.ofSeconds(2), DataSize.ofMegabytes(5), 3, true), CLOCK);
	}

	private static byte[] gzippedZeros(long length) throws IOException {
		ByteArrayOutputStream packed = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(packed)) {
			byte[] block = new byte[64 * 1024];
			for (long n = 0; n < length; n += block.length) {
				gzip.write(block);
			}
		}
		return packed.toByteArray();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	private static void sleep(long millis) throws IOException {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("server stopped", ex);
		}
	}

}

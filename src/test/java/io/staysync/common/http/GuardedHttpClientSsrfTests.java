package io.staysync.common.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The SSRF list: every URL is refused before anything is connected. Needs no network: a
 * refused URL never gets as far as a connection attempt, and a loopback listener proves
 * it.
 */
class GuardedHttpClientSsrfTests {

	private final GuardedHttpClient client = new GuardedHttpClient(GuardedHttpSettings.defaults(), Clock.systemUTC());

	private ServerSocket trap;

	private final AtomicInteger connections = new AtomicInteger();

	@BeforeEach
	void openTrap() throws IOException {
		trap = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread accepting = new Thread(() -> {
			while (!trap.isClosed()) {
				try (Socket socket = trap.accept()) {
					connections.incrementAndGet();
				}
				catch (IOException closed) {
					return;
				}
			}
		});
		accepting.setDaemon(true);
		accepting.start();
	}

	@AfterEach
	void close() throws IOException {
		trap.close();
		client.close();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "http://127.0.0.1/, BLOCKED_ADDRESS", "http://localhost/, BLOCKED_ADDRESS",
			"http://169.254.169.254/latest/meta-data/, BLOCKED_ADDRESS", "http://[::1]/, BLOCKED_ADDRESS",
			"http://[::ffff:169.254.169.254]/, BLOCKED_ADDRESS", "http://10.0.0.1/, BLOCKED_ADDRESS",
			"http://172.16.0.1/, BLOCKED_ADDRESS", "http://192.168.1.1/, BLOCKED_ADDRESS",
			"http://100.64.0.1/, BLOCKED_ADDRESS", "http://0.0.0.0/, BLOCKED_ADDRESS",
			"http://2130706433/, BLOCKED_ADDRESS", "http://0177.0.0.1/, BLOCKED_ADDRESS",
			"http://0x7f.0.0.1/, BLOCKED_ADDRESS", "http://127.1/, BLOCKED_ADDRESS",
			"http://[fd00::1]/, BLOCKED_ADDRESS", "http://[fe80::1]/, BLOCKED_ADDRESS",
			"http://224.0.0.1/, BLOCKED_ADDRESS", "http://255.255.255.255/, BLOCKED_ADDRESS",
			"http://[::ffff:7f00:1]/, BLOCKED_ADDRESS", "http://[::127.0.0.1]/, BLOCKED_ADDRESS",
			"http://[64:ff9b::a9fe:a9fe]/, BLOCKED_ADDRESS", "http://2852039166/, BLOCKED_ADDRESS",
			"http://0xa9fea9fe/, BLOCKED_ADDRESS", "http://0251.0376.0251.0376/, BLOCKED_ADDRESS",
			"http://169.254.43518/, BLOCKED_ADDRESS", "ftp://example.com/, INVALID_URL",
			"file:///etc/passwd, INVALID_URL", "http://user:pw@example.com/, INVALID_URL", "gopher://x/, INVALID_URL",
			"http://example.com@127.0.0.1/, INVALID_URL", "jar:http://example.com/x.jar!/, INVALID_URL" })
	void refusesBeforeConnecting(String url, FetchFailure failure) {
		FetchException refused = refuse(url);

		assertThat(refused.failure()).isEqualTo(failure);
		assertThat(refused.getMessage()).doesNotContain("latest/meta-data", "pw");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "127.0.0.1", "localhost", "2130706433", "0x7f.0.0.1", "0177.0.0.1", "127.1", "127.0.0.1.",
			"[::ffff:127.0.0.1]", "0", "0.0.0.0" })
	void nothingIsConnectedWhenALoopbackListenerIsWaitingBehindTheRefusedHost(String host) {
		FetchException refused = refuse("http://" + host + ":" + trap.getLocalPort() + "/calendar.ics");

		assertThat(refused.failure()).isEqualTo(FetchFailure.BLOCKED_ADDRESS);
		assertThat(connections).hasValue(0);
	}

	@Test
	void theListenerWouldHaveNoticedAConnection() {
		try (GuardedHttpClient allowingPrivate = new GuardedHttpClient(
				GuardedHttpSettings.defaults().withAllowPrivateAddresses(true), Clock.systemUTC())) {
			FetchException failed = catchThrowableOfType(FetchException.class, () -> allowingPrivate
				.get(URI.create("http://127.0.0.1:" + trap.getLocalPort() + "/"), Conditional.none()));

			assertThat(failed.failure()).isEqualTo(FetchFailure.IO_ERROR);
			assertThat(connections).hasValue(1);
		}
	}

	@Test
	void aPublicLookingNameThatResolvesInsideIsRefusedWithoutConnecting() throws Exception {
		InetAddress loopback = InetAddress.getLoopbackAddress();
		try (GuardedHttpClient pointedInside = new GuardedHttpClient(GuardedHttpSettings.defaults(), Clock.systemUTC(),
				AddressPolicy.publicOnly(), host -> {
					if (!host.equals("calendar.example.com")) {
						throw new UnknownHostException(host);
					}
					return new InetAddress[] { loopback };
				})) {
			FetchException refused = catchThrowableOfType(FetchException.class,
					() -> pointedInside.get(
							URI.create("http://calendar.example.com:" + trap.getLocalPort() + "/feed.ics?t=s3cret"),
							Conditional.none()));

			assertThat(refused.failure()).isEqualTo(FetchFailure.BLOCKED_ADDRESS);
			assertThat(refused).hasMessageContaining("calendar.example.com").hasMessageNotContaining("s3cret");
			assertThat(connections).hasValue(0);
		}
	}

	@Test
	void aHostThatDoesNotExistIsUnknownNotBlocked() {
		assertThat(refuse("https://no-such-host.invalid/feed.ics").failure()).isEqualTo(FetchFailure.UNKNOWN_HOST);
	}

	private FetchException refuse(String url) {
		FetchException refused = catchThrowableOfType(FetchException.class,
				() -> client.get(URI.create(url), Conditional.none()));
		assertThat(refused).as(url).isNotNull();
		return refused;
	}

}

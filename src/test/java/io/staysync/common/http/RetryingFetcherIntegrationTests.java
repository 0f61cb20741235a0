package io.staysync.common.http;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Retries against a real local server; the waits are recorded instead of slept. */
class RetryingFetcherIntegrationTests {

	final LocalHttpServer server;

	final GuardedHttpClient client = new GuardedHttpClient(
			GuardedHttpSettings.defaults().withAllowPrivateAddresses(true), Clock.systemUTC());

	final List<Long> waits = new ArrayList<>();

	final RetryingFetcher fetcher = new RetryingFetcher(client, waits::add);

	RetryingFetcherIntegrationTests() throws Exception {
		server = new LocalHttpServer();
	}

	@AfterEach
	void close() {
		client.close();
		server.close();
	}

	@Test
	void transientServerErrorsAreRetriedWithJitteredBackoffUntilTheFeedAnswers() throws Exception {
		AtomicInteger calls = new AtomicInteger();
		server.on("/flaky.ics", exchange -> LocalHttpServer.respond(exchange, calls.incrementAndGet() < 3 ? 503 : 200,
				"text/calendar", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"));

		FetchResponse response = fetcher.get(server.url("/flaky.ics"), Conditional.none());

		assertThat(response.status()).isEqualTo(200);
		assertThat(server.requests("/flaky.ics")).hasSize(3);
		assertThat(waits).hasSize(2);
		assertThat(waits.get(0)).isBetween(0L, 1000L);
		assertThat(waits.get(1)).isBetween(0L, 2000L);
	}

	@Test
	void retryAfterIsHonoured() throws Exception {
		AtomicInteger calls = new AtomicInteger();
		server.on("/busy.ics", exchange -> {
			if (calls.incrementAndGet() == 1) {
				exchange.getResponseHeaders().set("Retry-After", "7");
				LocalHttpServer.respond(exchange, 429, "text/plain", "slow down");
			}
			else {
				LocalHttpServer.respond(exchange, 200, "text/calendar", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n");
			}
		});

		assertThat(fetcher.get(server.url("/busy.ics"), Conditional.none()).status()).isEqualTo(200);
		assertThat(waits).containsExactly(7000L);
	}

	@Test
	void aRetryAfterBeyondTheBudgetIsNotWaitedFor() throws Exception {
		server.on("/later.ics", exchange -> {
			exchange.getResponseHeaders().set("Retry-After", "3600");
			LocalHttpServer.respond(exchange, 503, "text/plain", "maintenance");
		});

		assertThatThrownBy(() -> fetcher.get(server.url("/later.ics"), Conditional.none()))
			.isInstanceOf(FetchException.class)
			.satisfies(e -> assertThat(((FetchException) e).httpStatus()).isEqualTo(503));
		assertThat(server.requests("/later.ics")).hasSize(1);
		assertThat(waits).isEmpty();
	}

	@Test
	void failuresThatWillNotChangeAreNotRetried() throws Exception {
		server.on("/gone.ics", exchange -> LocalHttpServer.respond(exchange, 404, "text/plain", "no"));
		server.on("/forbidden.ics", exchange -> LocalHttpServer.respond(exchange, 403, "text/plain", "no"));

		assertThatThrownBy(() -> fetcher.get(server.url("/gone.ics"), Conditional.none()))
			.isInstanceOf(FetchException.class);
		assertThatThrownBy(() -> fetcher.get(server.url("/forbidden.ics"), Conditional.none()))
			.isInstanceOf(FetchException.class);
		assertThatThrownBy(() -> fetcher.get(java.net.URI.create("http://169.254.169.254/"), Conditional.none()))
			.isInstanceOf(FetchException.class);

		assertThat(server.requests("/gone.ics")).hasSize(1);
		assertThat(server.requests("/forbidden.ics")).hasSize(1);
		assertThat(waits).isEmpty();
	}

	@Test
	void aPeerThatKeepsFailingIsGivenUpOnAfterThreeAttempts() {
		server.on("/down.ics", exchange -> LocalHttpServer.respond(exchange, 500, "text/plain", "boom"));

		assertThatThrownBy(() -> fetcher.get(server.url("/down.ics"), Conditional.none()))
			.isInstanceOf(FetchException.class)
			.hasMessageContaining("500");
		assertThat(server.requests("/down.ics")).hasSize(3);
		assertThat(waits).hasSize(2);
		assertThat(Duration.ofMillis(waits.stream().mapToLong(Long::longValue).sum()))
			.isLessThanOrEqualTo(RetryingFetcher.BACKOFF.maxTotalWait());
	}

}

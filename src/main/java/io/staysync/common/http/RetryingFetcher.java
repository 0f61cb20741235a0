package io.staysync.common.http;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Fetches with retries for the failures that may pass: I/O errors, timeouts, 408, 429 and
 * 5xx. Waits follow full-jitter exponential backoff, or the peer's {@code Retry-After}
 * when it gives one; a 4xx that will not change, a blocked address or an oversized body
 * is never retried. The total wait is bounded, so a sync never hangs on one peer. Every
 * retry is counted ({@code staysync.channel.retries}, by channel and reason) for the
 * operator.
 */
@Component
public class RetryingFetcher {

	private static final Logger log = LoggerFactory.getLogger(RetryingFetcher.class);

	static final Backoff BACKOFF = Backoff.CHANNEL_CALLS;

	private final GuardedHttpClient http;

	private final Backoff.Sleeper sleeper;

	private final MeterRegistry meters;

	@Autowired
	RetryingFetcher(GuardedHttpClient http, ObjectProvider<MeterRegistry> meters) {
		this(http, Backoff.Sleeper.REAL, meters.getIfAvailable(SimpleMeterRegistry::new));
	}

	RetryingFetcher(GuardedHttpClient http, Backoff.Sleeper sleeper) {
		this(http, sleeper, new SimpleMeterRegistry());
	}

	RetryingFetcher(GuardedHttpClient http, Backoff.Sleeper sleeper, MeterRegistry meters) {
		this.http = http;
		this.sleeper = sleeper;
		this.meters = meters;
	}

	public FetchResponse get(URI url, Conditional conditional) throws FetchException {
		return get(url, conditional, "other");
	}

	/**
	 * Fetches, retrying what may pass.
	 * @param channel the integration the fetch is for, as its metrics tag ({@code ical},
	 * {@code airbnb}, …)
	 */
	public FetchResponse get(URI url, Conditional conditional, String channel) throws FetchException {
		Duration waited = Duration.ZERO;
		for (int attempt = 1;; attempt++) {
			try {
				return http.get(url, conditional);
			}
			catch (FetchException failed) {
				Duration wait = retryable(failed) ? BACKOFF.next(attempt, waited, failed.retryAfter()) : null;
				if (wait == null) {
					throw failed;
				}
				log.debug("Fetch from {} failed ({}); attempt {} of {} in {} ms", url.getHost(), failed.failure(),
						attempt + 1, BACKOFF.attempts(), wait.toMillis());
				countRetry(channel, failed);
				pause(wait);
				waited = waited.plus(wait);
			}
		}
	}

	private void countRetry(String channel, FetchException failed) {
		String reason = failed.httpStatus() != null ? "http_" + failed.httpStatus()
				: failed.failure().name().toLowerCase(Locale.ROOT);
		Counter.builder("staysync.channel.retries")
			.description("Outbound calls to channels retried after a failure that may pass, by channel and reason")
			.tags("channel", channel, "reason", reason)
			.register(meters)
			.increment();
	}

	static boolean retryable(FetchException failed) {
		return switch (failed.failure()) {
			case IO_ERROR, TIMEOUT -> true;
			case HTTP_ERROR -> {
				Integer status = failed.httpStatus();
				yield status != null && (status == 408 || status == 429 || status >= 500);
			}
			default -> false;
		};
	}

	private void pause(Duration wait) throws FetchException {
		try {
			sleeper.sleep(wait.toMillis());
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			throw new FetchException(FetchFailure.IO_ERROR, "The fetch was interrupted while waiting to retry.");
		}
	}

}

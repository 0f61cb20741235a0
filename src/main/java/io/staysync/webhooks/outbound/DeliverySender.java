package io.staysync.webhooks.outbound;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import io.staysync.common.http.ApiCall;
import io.staysync.common.http.FetchException;
import io.staysync.common.http.FetchFailure;
import io.staysync.common.http.GuardedHttpClient;
import io.staysync.webhooks.internal.StandardWebhookSignature;
import io.staysync.webhooks.outbound.DeliveryAttempt.Verdict;

/**
 * Makes one attempt at a delivery: a POST of its body with the Standard Webhooks headers,
 * signed at the moment it is sent (with both secrets during a rotation), through the
 * guarded client, so the target's addresses are checked again on every attempt and a
 * redirect is never followed.
 */
@Component
class DeliverySender {

	private final GuardedHttpClient http;

	private final SubscriptionSecrets secrets;

	private final Clock clock;

	DeliverySender(@Qualifier(WebhookHttp.CLIENT) GuardedHttpClient http, SubscriptionSecrets secrets, Clock clock) {
		this.http = http;
		this.secrets = secrets;
		this.clock = clock;
	}

	DeliveryAttempt send(WebhookSubscription subscription, Delivery delivery) {
		byte[] body = delivery.payload().getBytes(StandardCharsets.UTF_8);
		Instant now = clock.instant();
		Map<String, String> headers = headers(secrets.signingSecrets(subscription, now), delivery.messageId(),
				now.getEpochSecond(), body);
		long started = System.nanoTime();
		try {
			int status = http.call(ApiCall.post(subscription.targetUrl(), headers, body, "application/json")).status();
			long latency = millisSince(started);
			return status >= 200 && status < 300 ? new DeliveryAttempt(Verdict.DELIVERED, status, latency, null, null)
					: new DeliveryAttempt(Verdict.FAILED, status, latency,
							"The receiver answered " + status + " instead of a 2xx.", null);
		}
		catch (FetchException failed) {
			return judged(failed, millisSince(started));
		}
	}

	/** The Standard Webhooks headers; several signatures are separated by a space. */
	static Map<String, String> headers(List<String> secrets, String messageId, long timestamp, byte[] body) {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("webhook-id", messageId);
		headers.put("webhook-timestamp", Long.toString(timestamp));
		headers.put("webhook-signature",
				secrets.stream()
					.map(secret -> StandardWebhookSignature.sign(secret, messageId, timestamp, body))
					.collect(Collectors.joining(" ")));
		return headers;
	}

	private static DeliveryAttempt judged(FetchException failed, long latency) {
		Integer status = failed.httpStatus();
		FetchFailure failure = failed.failure();
		if (failure == FetchFailure.HTTP_ERROR && status != null) {
			if (status == 410) {
				return new DeliveryAttempt(Verdict.GONE, status, latency, "The receiver answered 410 Gone.", null);
			}
			if (status == 429 || status >= 500) {
				return new DeliveryAttempt(Verdict.RETRY, status, latency, "The receiver answered " + status + ".",
						failed.retryAfter());
			}
			if (status >= 300 && status < 400) {
				return new DeliveryAttempt(Verdict.FAILED, null, latency,
						"The receiver answered with a redirect; deliveries never follow redirects. "
								+ "Subscribe the final address.",
						null);
			}
			return new DeliveryAttempt(Verdict.FAILED, status, latency, "The receiver answered " + status + ".", null);
		}
		boolean passing = failure == FetchFailure.TIMEOUT || failure == FetchFailure.IO_ERROR
				|| failure == FetchFailure.UNKNOWN_HOST;
		return new DeliveryAttempt(passing ? Verdict.RETRY : Verdict.FAILED, null, latency, failed.getMessage(), null);
	}

	private static long millisSince(long startedNanos) {
		return (System.nanoTime() - startedNanos) / 1_000_000;
	}

}

package io.staysync.common.http;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.io.Closer;

/**
 * One request and its answer: a GET with the caller's validators (or a partner API call),
 * bounded by the deadline, whose answer becomes a response, a redirect to check and
 * follow, or a failure. A connection whose body was not read to the end is dropped, never
 * drained.
 */
final class Exchange {

	private final CloseableHttpClient http;

	private final ScheduledExecutorService alarms;

	private final GuardedHttpSettings settings;

	private final Clock clock;

	Exchange(CloseableHttpClient http, ScheduledExecutorService alarms, GuardedHttpSettings settings, Clock clock) {
		this.http = http;
		this.alarms = alarms;
		this.settings = settings;
		this.clock = clock;
	}

	Outcome run(TargetUrl target, Conditional conditional, String accept, Deadline deadline) throws FetchException {
		return run(target, request(target, conditional, accept, deadline), conditional, deadline, false);
	}

	/** A partner API call: the caller's method, headers and body, no validators. */
	Outcome run(TargetUrl target, ApiCall call, Deadline deadline) throws FetchException {
		HttpUriRequestBase request = new HttpUriRequestBase(call.method(), target.uri());
		configure(request, deadline);
		call.headers().forEach(request::setHeader);
		if (call.body() != null) {
			request.setEntity(new ByteArrayEntity(call.body(),
					call.contentType() == null ? null : ContentType.parse(call.contentType())));
		}
		return run(target, request, Conditional.none(), deadline, true);
	}

	/**
	 * @param keepErrorBody whether an error status keeps the start of its body (a partner
	 * API's error document); a feed's error page is not worth reading
	 */
	private Outcome run(TargetUrl target, HttpUriRequestBase request, Conditional conditional, Deadline deadline,
			boolean keepErrorBody) throws FetchException {
		if (deadline.passed()) {
			throw FetchFailures.deadline(target.host(), deadline.total());
		}
		// Cancelling closes the socket, which also ends a read that is blocked waiting
		// for bytes.
		ScheduledFuture<?> alarm = alarms.schedule(request::cancel, deadline.remaining().toNanos(),
				TimeUnit.NANOSECONDS);
		ClassicHttpResponse response = null;
		Outcome outcome = null;
		try {
			response = http.executeOpen(null, request, HttpClientContext.create());
			outcome = interpret(response, target, conditional, deadline, keepErrorBody);
			return outcome;
		}
		catch (IOException ex) {
			throw FetchFailures.of(ex, target, deadline, settings);
		}
		finally {
			alarm.cancel(false);
			if (outcome == null || outcome.redirect() != null) {
				request.cancel();
			}
			Closer.closeQuietly(response);
		}
	}

	private HttpGet request(TargetUrl target, Conditional conditional, String accept, Deadline deadline) {
		HttpGet request = new HttpGet(target.uri());
		configure(request, deadline);
		request.setHeader(HttpHeaders.ACCEPT, accept);
		if (conditional.hasEtag()) {
			request.setHeader(HttpHeaders.IF_NONE_MATCH, conditional.etag());
		}
		if (conditional.hasLastModified()) {
			request.setHeader(HttpHeaders.IF_MODIFIED_SINCE, conditional.lastModified());
		}
		return request;
	}

	private void configure(HttpUriRequestBase request, Deadline deadline) {
		request.setConfig(RequestConfig.custom()
			.setConnectionRequestTimeout(deadline.cap(settings.connectTimeout()))
			.setResponseTimeout(deadline.cap(settings.readTimeout()))
			.setRedirectsEnabled(false)
			.setAuthenticationEnabled(false)
			.build());
	}

	private Outcome interpret(ClassicHttpResponse response, TargetUrl target, Conditional conditional,
			Deadline deadline, boolean keepErrorBody) throws IOException, FetchException {
		int status = response.getCode();
		String contentType = header(response, HttpHeaders.CONTENT_TYPE);
		String etag = header(response, HttpHeaders.ETAG);
		String lastModified = header(response, HttpHeaders.LAST_MODIFIED);
		if (status == 304) {
			return Outcome
				.of(new FetchResponse(status, new byte[0], contentType, etag != null ? etag : conditional.etag(),
						lastModified != null ? lastModified : conditional.lastModified(), target.uri()));
		}
		if (status >= 300 && status < 400) {
			String location = header(response, HttpHeaders.LOCATION);
			if (location == null) {
				throw FetchFailures.httpError(target.host(), status, null);
			}
			return Outcome.redirectTo(resolve(target, location));
		}
		if (status < 200 || status >= 400) {
			// 429 and 503 by RFC 9110; some APIs also throttle with another status
			// (Airbnb
			// with 405) and say how long to wait on it.
			throw FetchFailures.httpError(target.host(), status,
					RetryAfter.parse(header(response, HttpHeaders.RETRY_AFTER), clock.instant()),
					keepErrorBody ? BoundedBody.head(response.getEntity(), GuardedHttpClient.ERROR_BODY_LIMIT, deadline)
							: null);
		}
		byte[] body = BoundedBody.read(response.getEntity(), settings.maxResponseBody(), deadline, target.host());
		return Outcome.of(new FetchResponse(status, body, contentType, etag, lastModified, target.uri()));
	}

	/**
	 * The redirect target by RFC 3986. Not HttpClient's {@code URIUtils.resolve}: its
	 * normalisation percent-encodes the brackets of IPv6 hosts.
	 */
	static URI resolve(TargetUrl target, String location) throws FetchException {
		try {
			URI reference = new URI(location.trim());
			if (reference.isAbsolute()) {
				return reference;
			}
			URI base = target.uri();
			String authority = base.getScheme() + "://" + base.getRawAuthority();
			if (location.trim().startsWith("?")) {
				return new URI(authority + base.getRawPath() + location.trim());
			}
			// java.net.URI resolves "b" against "http://a" to "http://ab"
			boolean noPath = base.getRawPath() == null || base.getRawPath().isEmpty();
			return (noPath ? new URI(authority + "/") : base).resolve(reference);
		}
		catch (URISyntaxException | IllegalArgumentException ex) {
			throw FetchFailures.invalidRedirect(target.host());
		}
	}

	private static String header(ClassicHttpResponse response, String name) {
		Header header = response.getFirstHeader(name);
		return header == null ? null : header.getValue();
	}

	/** Either the final response or the next URL to try. */
	record Outcome(FetchResponse response, URI redirect) {

		static Outcome of(FetchResponse response) {
			return new Outcome(response, null);
		}

		static Outcome redirectTo(URI location) {
			return new Outcome(null, location);
		}

	}

}

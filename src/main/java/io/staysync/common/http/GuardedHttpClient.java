package io.staysync.common.http;

import java.net.URI;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import io.staysync.common.RunMode;
import io.staysync.common.http.PolicyDnsResolver.HostLookup;

/**
 * Fetches URLs that users typed in (iCal feeds; later webhook targets) without letting
 * them reach Staysync's own network or tie it up:
 * <ul>
 * <li>http and https only, a host, no user name or password in the URL;</li>
 * <li>every address a host resolves to is checked inside HttpClient's DNS resolver, so
 * the address checked is the one connected to; addresses written into the URL, in any
 * numeric spelling, are checked before the request;</li>
 * <li>redirects are followed here, at most {@code max-redirects}, each target checked
 * again;</li>
 * <li>connect, read and total time are bounded, and so are the body and the response's
 * head: at most {@value #MAX_HEADER_LINE} characters a line (status line, header, chunk
 * size) and {@value #MAX_HEADERS} header lines, where HttpClient by default reads any
 * number of lines of any length into memory;</li>
 * <li>no cookies, no authentication, no proxy from the environment.</li>
 * </ul>
 * Thread-safe; one instance and its connection pool serve the whole application.
 */
@Component
public class GuardedHttpClient implements AutoCloseable {

	/**
	 * The {@code Accept} of {@link #get(URI, Conditional)}: calendars first, anything
	 * else accepted.
	 */
	public static final String CALENDAR_ACCEPT = "text/calendar, */*;q=0.5";

	static final String USER_AGENT = "Staysync/0.1 (+calendar sync)";

	/** The most of an error answer's body a partner API call keeps. */
	public static final int ERROR_BODY_LIMIT = 16 * 1024;

	/**
	 * The longest line of a response's head (and of a chunked body's framing): twice what
	 * Apache httpd or nginx accept by default, room for a long
	 * {@code Content-Security-Policy} or cookie.
	 */
	static final int MAX_HEADER_LINE = 16 * 1024;

	/**
	 * The most header lines a response may have (Tomcat and httpd accept 100 from a
	 * client).
	 */
	static final int MAX_HEADERS = 128;

	private final GuardedHttpSettings settings;

	private final AddressPolicy policy;

	private final CloseableHttpClient http;

	private final ScheduledExecutorService alarms;

	private final Exchange exchange;

	private final PolicyDnsResolver resolver;

	/**
	 * With the policy the settings ask for, for code that builds a client without Spring.
	 */
	public GuardedHttpClient(GuardedHttpSettings settings, Clock clock) {
		this(settings, clock, AddressPolicy.of(settings), HostLookup.system());
	}

	/**
	 * The application's client. In demo mode it may also fetch this instance's own
	 * sandbox feeds on loopback, and nothing else private unless
	 * {@code allow-private-addresses} says so.
	 */
	@Autowired
	public GuardedHttpClient(GuardedHttpSettings settings, Clock clock, RunMode runMode, Environment environment) {
		this(settings, clock,
				runMode.demo()
						? AddressPolicy.of(settings)
							.or(AddressPolicy
								.ownServer(() -> environment.getProperty("local.server.port", Integer.class, -1)))
						: AddressPolicy.of(settings),
				HostLookup.system());
	}

	/**
	 * With another policy or name service: for tests that need a local server or a fake
	 * DNS answer.
	 */
	GuardedHttpClient(GuardedHttpSettings settings, Clock clock, AddressPolicy policy, HostLookup lookup) {
		this.settings = settings;
		this.policy = policy;
		this.resolver = new PolicyDnsResolver(policy, lookup);
		this.http = build(settings, resolver);
		this.alarms = deadlineAlarms();
		this.exchange = new Exchange(http, alarms, settings, clock);
	}

	/** A GET for a calendar feed ({@link #CALENDAR_ACCEPT}). */
	public FetchResponse get(URI url, Conditional conditional) throws FetchException {
		return get(url, conditional, CALENDAR_ACCEPT);
	}

	/**
	 * A GET: the 2xx or 304 answer at the end of at most {@code max-redirects} redirects.
	 * @throws FetchException for a refused URL or address, an error status (4xx, 5xx, a
	 * 3xx without {@code Location}), too many redirects, a timeout, a body over the
	 * limit, or a failed connection; its message can be shown to a property manager
	 */
	public FetchResponse get(URI url, Conditional conditional, String accept) throws FetchException {
		Deadline deadline = Deadline.after(settings.totalTimeout());
		Conditional validators = conditional == null ? Conditional.none() : conditional;
		String accepted = accept == null || accept.isBlank() ? CALENDAR_ACCEPT : accept;
		TargetUrl target = TargetUrl.check(url, policy);
		for (int redirects = 0;; redirects++) {
			Exchange.Outcome outcome = exchange.run(target, validators, accepted, deadline);
			if (outcome.redirect() == null) {
				return outcome.response();
			}
			if (redirects == settings.maxRedirects()) {
				throw FetchFailures.tooManyRedirects(target.host(), settings.maxRedirects());
			}
			target = TargetUrl.check(outcome.redirect(), policy);
		}
	}

	/**
	 * A call to a partner API: the same address checks, limits and wording of failures as
	 * {@link #get(URI, Conditional, String)}, with the caller's method, headers and body.
	 * A redirect is an error ({@link FetchFailure#HTTP_ERROR}), never followed, so that
	 * credentials are never sent on to another host.
	 */
	public FetchResponse call(ApiCall call) throws FetchException {
		Deadline deadline = Deadline.after(settings.totalTimeout());
		TargetUrl target = TargetUrl.check(call.url(), policy);
		Exchange.Outcome outcome = exchange.run(target, call, deadline);
		if (outcome.redirect() != null) {
			throw FetchFailures.httpError(target.host(), 302, null);
		}
		return outcome.response();
	}

	/**
	 * Whether a URL could be requested now: the checks of every request (scheme, no
	 * credentials, a literal address the policy permits) and every address its host
	 * resolves to today. For URLs saved to be called later (webhook targets): the request
	 * checks again, since a name may point elsewhere by then.
	 * @throws FetchException {@link FetchFailure#INVALID_URL},
	 * {@link FetchFailure#BLOCKED_ADDRESS} or {@link FetchFailure#UNKNOWN_HOST}, with a
	 * message that names at most the host
	 */
	public void checkTarget(URI url) throws FetchException {
		TargetUrl target = TargetUrl.check(url, policy);
		String host = target.host().startsWith("[") ? target.host().substring(1, target.host().length() - 1)
				: target.host();
		try {
			resolver.resolve(host, target.port());
		}
		catch (BlockedAddressException blocked) {
			throw FetchFailures.blocked(target.host());
		}
		catch (java.net.UnknownHostException unknown) {
			throw new FetchException(FetchFailure.UNKNOWN_HOST,
					"The host name " + target.host() + " does not exist (or the name service did not answer).");
		}
	}

	/** Closes the connection pool, on application shutdown. */
	@Override
	public void close() {
		alarms.shutdownNow();
		http.close(CloseMode.GRACEFUL);
	}

	private static CloseableHttpClient build(GuardedHttpSettings settings, PolicyDnsResolver resolver) {
		ConnectionConfig connections = ConnectionConfig.custom()
			.setConnectTimeout(Timeout.of(settings.connectTimeout()))
			.setSocketTimeout(Timeout.of(settings.readTimeout()))
			.setValidateAfterInactivity(TimeValue.ofSeconds(2))
			.setTimeToLive(TimeValue.ofMinutes(1))
			.build();
		return HttpClients.custom()
			.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
				.setConnectionFactory(ManagedHttpClientConnectionFactory.builder()
					.http1Config(Http1Config.custom()
						.setMaxLineLength(MAX_HEADER_LINE)
						.setMaxHeaderCount(MAX_HEADERS)
						.build())
					.build())
				.setDnsResolver(resolver)
				.setDefaultConnectionConfig(connections)
				.setMaxConnTotal(100)
				.setMaxConnPerRoute(32)
				.build())
			.setDefaultRequestConfig(
					RequestConfig.custom().setRedirectsEnabled(false).setAuthenticationEnabled(false).build())
			.setUserAgent(USER_AGENT)
			.disableRedirectHandling()
			.disableAutomaticRetries()
			.disableCookieManagement()
			.disableAuthCaching()
			.evictExpiredConnections()
			.evictIdleConnections(TimeValue.ofSeconds(30))
			.build();
	}

	private static ScheduledExecutorService deadlineAlarms() {
		ScheduledThreadPoolExecutor alarms = new ScheduledThreadPoolExecutor(1, runnable -> {
			Thread thread = new Thread(runnable, "guarded-http-deadline");
			thread.setDaemon(true);
			return thread;
		});
		alarms.setRemoveOnCancelPolicy(true);
		return alarms;
	}

}

package io.staysync.common.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;

import javax.net.ssl.SSLException;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.MessageConstraintException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.springframework.util.unit.DataSize;

/**
 * The wording of every fetch failure, in one place so that it stays plain and never shows
 * more of a URL than its host.
 */
final class FetchFailures {

	private FetchFailures() {
	}

	static FetchException invalidUrl(String reason) {
		return new FetchException(FetchFailure.INVALID_URL, reason);
	}

	static FetchException blocked(String host) {
		return new FetchException(FetchFailure.BLOCKED_ADDRESS, host + " is, or leads to, a private or internal "
				+ "network address. Staysync only connects to addresses on the public internet.");
	}

	static FetchException tooManyRedirects(String host, int max) {
		return new FetchException(FetchFailure.TOO_MANY_REDIRECTS, "The address was redirected more than " + max
				+ " times (the last time by " + host + "). Use the address the feed finally lives at.");
	}

	static FetchException invalidRedirect(String host) {
		return invalidUrl(host + " redirected to an address that is not valid.");
	}

	static FetchException deadline(String host, Duration total) {
		return new FetchException(FetchFailure.TIMEOUT,
				"Fetching from " + host + " took longer than " + words(total) + ", the most Staysync waits.");
	}

	static FetchException tooLarge(String host, DataSize limit) {
		return new FetchException(FetchFailure.TOO_LARGE,
				"The file at " + host + " is larger than " + words(limit) + ", the most Staysync downloads.");
	}

	static FetchException httpError(String host, int status, Duration retryAfter) {
		return httpError(host, status, retryAfter, null);
	}

	static FetchException httpError(String host, int status, Duration retryAfter, byte[] errorBody) {
		String what;
		if (status == 401 || status == 403) {
			what = "refused access (HTTP " + status + "). The link may have been reset or made private.";
		}
		else if (status == 404 || status == 410) {
			what = "has nothing at this address (HTTP " + status + "). The link may be outdated.";
		}
		else if (status == 429) {
			what = "asked Staysync to slow down (HTTP 429). It will try again later.";
		}
		else if (status >= 500) {
			what = "had a problem of its own (HTTP " + status + "). Staysync will try again later.";
		}
		else if (status < 400) {
			what = "answered with a redirect (HTTP " + status + ") without saying where to.";
		}
		else {
			what = "refused the request (HTTP " + status + ").";
		}
		return new FetchException(FetchFailure.HTTP_ERROR, host + " " + what, status, retryAfter, errorBody);
	}

	/** An I/O failure of HttpClient, named by what the user can check. */
	static FetchException of(IOException ex, TargetUrl target, Deadline deadline, GuardedHttpSettings settings) {
		String host = target.host();
		if (ex instanceof BlockedAddressException) {
			return blocked(host);
		}
		if (deadline.passed()) {
			return deadline(host, deadline.total());
		}
		Throwable cause = safeCause(ex, target.uri());
		if (ex instanceof MessageConstraintException) {
			return new FetchException(FetchFailure.TOO_LARGE,
					host + " answered with a head larger than Staysync reads " + "(more than "
							+ GuardedHttpClient.MAX_HEADERS + " header lines, or a line longer than "
							+ words(DataSize.ofBytes(GuardedHttpClient.MAX_HEADER_LINE)) + ").",
					cause);
		}
		if (ex instanceof ConnectTimeoutException) {
			return new FetchException(FetchFailure.TIMEOUT,
					host + " could not be reached within " + words(settings.connectTimeout()) + ".", cause);
		}
		if (ex instanceof SocketTimeoutException || ex instanceof InterruptedIOException) {
			return new FetchException(FetchFailure.TIMEOUT,
					host + " stopped answering for more than " + words(settings.readTimeout()) + ".", cause);
		}
		if (ex instanceof UnknownHostException) {
			return new FetchException(FetchFailure.UNKNOWN_HOST, "The server " + host + " could not be found. "
					+ "Check the address for typos, or whether the site still exists.", cause);
		}
		return new FetchException(FetchFailure.IO_ERROR, ioMessage(ex, host), cause);
	}

	private static String ioMessage(IOException ex, String host) {
		if (ex instanceof ConnectException) {
			return host + " refused the connection.";
		}
		if (ex instanceof SSLException) {
			return "A secure connection to " + host + " could not be established (its certificate or encryption "
					+ "was not accepted).";
		}
		if (ex instanceof NoHttpResponseException) {
			return host + " closed the connection without answering.";
		}
		if (ex instanceof ConnectionClosedException) {
			return "The connection to " + host + " broke off before the whole answer arrived.";
		}
		return "The connection to " + host + " failed.";
	}

	/**
	 * The cause, for logs, unless some message in its chain quotes the URL's path or
	 * query.
	 */
	private static Throwable safeCause(Throwable ex, URI uri) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			String message = String.valueOf(t.getMessage());
			if (quotes(message, uri.getRawQuery()) || quotes(message, uri.getRawPath())) {
				return null;
			}
		}
		return ex;
	}

	private static boolean quotes(String message, String part) {
		return part != null && part.length() > 1 && message.contains(part);
	}

	static String words(Duration duration) {
		long millis = duration.toMillis();
		if (millis % 1000 != 0) {
			return millis + " milliseconds";
		}
		return millis == 1000 ? "1 second" : millis / 1000 + " seconds";
	}

	static String words(DataSize size) {
		long bytes = size.toBytes();
		if (bytes % (1024 * 1024) == 0) {
			return bytes / (1024 * 1024) + " MB";
		}
		return bytes % 1024 == 0 ? bytes / 1024 + " KB" : bytes + " bytes";
	}

}

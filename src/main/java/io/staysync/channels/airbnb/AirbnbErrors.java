package io.staysync.channels.airbnb;

import java.util.Locale;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.staysync.channels.airbnb.AirbnbException.Reason;
import io.staysync.common.http.FetchException;
import io.staysync.common.http.FetchFailure;

/**
 * Turns a failed call into words a manager understands, reading Airbnb's error body when
 * there is one: {@code {"error_code":401,"error":"authentication_required",
 * "error_message":"Please login to continue."}} or, with {@code error_type} instead of
 * {@code error}, {@code {"error_code":403,"error_type":"no_access",…}}. 405, 429 and 503
 * are Airbnb asking to slow down. Airbnb's own message is quoted (shortened, on one
 * line); nothing else of the body is.
 */
final class AirbnbErrors {

	/** The error a revoked authorization comes with. */
	static final String AUTHORIZATION_REVOKED = "authorization_revoked";

	static final String RECONNECT = "Airbnb no longer accepts Staysync's authorization for this account (%s)."
			+ " Connect Airbnb again: Integrations, Airbnb, Reconnect.";

	private static final int MAX_QUOTED = 200;

	private final JsonMapper json;

	AirbnbErrors(JsonMapper json) {
		this.json = json;
	}

	/**
	 * What Airbnb's error body says; empty fields when there is none or it is not JSON.
	 */
	AirbnbError read(byte[] body) {
		if (body == null || body.length == 0) {
			return AirbnbError.NONE;
		}
		try {
			JsonNode node = json.readTree(body);
			if (node == null || !node.isObject()) {
				return AirbnbError.NONE;
			}
			String type = text(node, "error_type");
			return new AirbnbError(type != null ? type : text(node, "error"), quoted(text(node, "error_message")));
		}
		catch (JacksonException notJson) {
			return AirbnbError.NONE;
		}
	}

	AirbnbException of(FetchException failed) {
		Integer status = failed.httpStatus();
		if (failed.failure() == FetchFailure.HTTP_ERROR && status != null) {
			AirbnbError error = read(failed.errorBody());
			String said = error.said();
			if (AUTHORIZATION_REVOKED.equals(error.type())) {
				return new AirbnbException(Reason.REVOKED, RECONNECT.formatted("it says the authorization was revoked"),
						status, null);
			}
			if (status == 405 || status == 429 || status == 503) {
				return new AirbnbException(Reason.THROTTLED,
						"Airbnb asked Staysync to slow down (HTTP " + status + said + "); it tries again later.",
						status, failed.retryAfter());
			}
			if (status == 401) {
				return new AirbnbException(Reason.CREDENTIALS,
						"Airbnb refused Staysync's access token (HTTP 401" + said + ").", status, null);
			}
			if (status == 403) {
				return new AirbnbException(Reason.NO_ACCESS,
						"Airbnb says the connected account may not do this (HTTP 403" + said
								+ "). Check that the listing belongs to the account that connected Airbnb.",
						status, null);
			}
			if (status == 404) {
				return new AirbnbException(Reason.NOT_FOUND,
						"Airbnb has no such reservation or listing (HTTP 404" + said + ").", status, null);
			}
			if (status >= 500) {
				return new AirbnbException(Reason.DOWN, "Airbnb is having problems of its own (HTTP " + status + said
						+ "); Staysync tries again later.", status, failed.retryAfter());
			}
			return new AirbnbException(Reason.REFUSED, "Airbnb refused the request (HTTP " + status + said + ").",
					status, null);
		}
		if (failed.failure() == FetchFailure.TOO_LARGE) {
			return new AirbnbException(Reason.MALFORMED, failed.getMessage());
		}
		if (failed.failure() == FetchFailure.BLOCKED_ADDRESS || failed.failure() == FetchFailure.INVALID_URL) {
			return new AirbnbException(Reason.REFUSED,
					failed.getMessage() + " Check staysync.channels.airbnb.api-url (a local sandbox needs"
							+ " staysync.http.allow-private-addresses=true).");
		}
		return new AirbnbException(Reason.NETWORK,
				"Airbnb could not be reached: " + failed.getMessage() + " Staysync tries again later.");
	}

	/**
	 * A body that should be JSON and is not: said so, with a hint when it is a web page.
	 */
	static AirbnbException unreadable(byte[] body, String what) {
		String start = new String(body, 0, Math.min(body.length, 256), java.nio.charset.StandardCharsets.UTF_8)
			.stripLeading()
			.toLowerCase(Locale.ROOT);
		if (start.startsWith("<")) {
			return new AirbnbException(Reason.MALFORMED, "Airbnb answered " + what
					+ " with a web page instead of JSON (a login or error page?); nothing was changed.");
		}
		if (body.length == 0) {
			return new AirbnbException(Reason.MALFORMED, "Airbnb answered " + what + " with an empty body.");
		}
		return new AirbnbException(Reason.MALFORMED,
				"Airbnb's answer to " + what + " is not complete JSON (cut off or garbled); nothing was changed.");
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return value != null && value.isString() ? value.asString() : null;
	}

	private static String quoted(String message) {
		if (message == null || message.isBlank()) {
			return null;
		}
		String line = message.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
		return line.length() > MAX_QUOTED ? line.substring(0, MAX_QUOTED) + "…" : line;
	}

	/** Airbnb's error, as far as it said one. */
	record AirbnbError(String type, String message) {

		static final AirbnbError NONE = new AirbnbError(null, null);

		/** ", no_access: You do not have permission…" or nothing. */
		String said() {
			if (type == null && message == null) {
				return "";
			}
			return ", " + (type == null ? "" : type + (message == null ? "" : ": ")) + (message == null ? "" : message);
		}

	}

}

package io.staysync.webhooks.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

import io.staysync.common.InvalidInputException;
import io.staysync.common.InvalidInputException.FieldProblem;
import io.staysync.sync.Recheck;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A notification in Airbnb's own format, {@code {"action": …, "reservation":
 * {"confirmation_code": …}, …}}. Nothing in it can be verified (no signature Airbnb is
 * known to send can be trusted), so it is read only for what to read again from Airbnb's
 * API: the reservation it names, or the authorization when it says that was revoked. Its
 * key for storing it once is the action, the code and a SHA-256 of the exact body: a
 * redelivery is the same key, and a changed body about the same reservation is a new one
 * (which costs one more re-read, nothing else).
 */
record AirbnbNotification(String action, String confirmationCode, String key) {

	/** The largest notification read; Airbnb's are a few kilobytes. */
	static final int MAX_BYTES = 64 * 1024;

	static final String REVOKED = "authorization_revoked";

	private static final Pattern ACTION = Pattern.compile("[a-z][a-z0-9_]{0,63}");

	private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1," + Recheck.MAX_REFERENCE + "}");

	static AirbnbNotification read(JsonMapper json, byte[] body) {
		if (body.length == 0) {
			throw invalid("body", "is empty: a notification is a JSON object");
		}
		JsonNode root;
		try {
			root = json.readTree(body);
		}
		catch (JacksonException malformed) {
			throw invalid("body", "is not valid JSON");
		}
		if (root == null || !root.isObject()) {
			throw invalid("body", "must be a JSON object");
		}
		JsonNode action = root.get("action");
		if (action == null || !action.isString() || !ACTION.matcher(action.asString()).matches()) {
			throw invalid("action", "must be Airbnb's action name (lower-case letters, digits and _)");
		}
		String code = null;
		JsonNode reservation = root.get("reservation");
		if (reservation != null && !reservation.isNull()) {
			JsonNode given = reservation.isObject() ? reservation.get("confirmation_code") : null;
			if (given == null || !given.isString() || !CODE.matcher(given.asString()).matches()) {
				throw invalid("reservation.confirmation_code",
						"must be the reservation's confirmation code (letters and digits)");
			}
			code = given.asString();
		}
		String key = "airbnb:" + action.asString() + ":" + (code == null ? "-" : code) + ":" + sha256(body);
		return new AirbnbNotification(action.asString(), code, key);
	}

	/**
	 * What to read again from Airbnb, if anything: other actions are stored and ignored.
	 */
	Recheck recheck() {
		if (REVOKED.equals(action)) {
			return Recheck.authorization();
		}
		return confirmationCode == null ? null : Recheck.reservation(confirmationCode);
	}

	private static InvalidInputException invalid(String field, String problem) {
		return InvalidInputException.of(List.of(new FieldProblem(field, problem)));
	}

	private static String sha256(byte[] body) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
		}
		catch (NoSuchAlgorithmException impossible) {
			throw new IllegalStateException("SHA-256 is required by every Java runtime", impossible);
		}
	}

	@Override
	public String toString() {
		return "AirbnbNotification[" + action + ", " + confirmationCode + "]";
	}

	static String text(byte[] body) {
		return new String(body, StandardCharsets.UTF_8);
	}

}

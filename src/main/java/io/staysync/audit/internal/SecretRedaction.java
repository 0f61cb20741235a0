package io.staysync.audit.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The last line of defence against a secret reaching the audit trail: any detail whose
 * key names a secret is replaced, whatever the caller passed.
 */
final class SecretRedaction {

	static final String REDACTED = "[redacted]";

	private static final Pattern SECRET_KEY = Pattern
		.compile("(?i).*(password|secret|token|apikey|api_key|credential|authorization|private|keyring).*");

	private SecretRedaction() {
	}

	static Map<String, Object> redact(Map<String, ?> details) {
		Map<String, Object> safe = new LinkedHashMap<>();
		if (details == null) {
			return safe;
		}
		details.forEach((key, value) -> safe.put(key, redactValue(key, value)));
		return safe;
	}

	private static Object redactValue(String key, Object value) {
		if (value == null || isHarmlessFlag(value)) {
			return value;
		}
		if (SECRET_KEY.matcher(key).matches()) {
			return REDACTED;
		}
		if (value instanceof Map<?, ?> nested) {
			Map<String, Object> copy = new LinkedHashMap<>();
			nested.forEach((k, v) -> copy.put(String.valueOf(k), redactValue(String.valueOf(k), v)));
			return copy;
		}
		return value;
	}

	/**
	 * {@code passwordChanged: true} says that something changed, not what it changed to.
	 */
	private static boolean isHarmlessFlag(Object value) {
		return value instanceof Boolean;
	}

}

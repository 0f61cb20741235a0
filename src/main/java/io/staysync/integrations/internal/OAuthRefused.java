package io.staysync.integrations.internal;

/**
 * A consent callback that was not honoured (an unknown, spent or expired state, another
 * user's, a consent declined, a code the channel refused): nothing was stored. The
 * message is for the administrator and names no secret.
 */
public class OAuthRefused extends RuntimeException {

	private final String reason;

	OAuthRefused(String reason, String message) {
		super(message);
		this.reason = reason;
	}

	/** A short word for the audit log and tests: {@code unknown_state}, … */
	public String reason() {
		return reason;
	}

}

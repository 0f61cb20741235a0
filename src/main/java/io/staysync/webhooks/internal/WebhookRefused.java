package io.staysync.webhooks.internal;

/**
 * A notification that is not authentic, not fresh, or has nothing to be verified against:
 * 401.
 */
public class WebhookRefused extends RuntimeException {

	public WebhookRefused(String message) {
		super(message);
	}

}

package io.staysync.webhooks.internal;

/** A notification larger than any a channel sends: 413, nothing stored. */
public class NotificationTooLarge extends RuntimeException {

	public NotificationTooLarge(int limit) {
		super("The notification is larger than " + limit + " bytes, which no channel notification is; it was not"
				+ " stored.");
	}

}

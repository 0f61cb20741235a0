package io.staysync.sync;

import io.staysync.common.StoredInLowerCase;

/**
 * What a channel notification asks the sync engine to read again from the channel itself,
 * because a notification is only a hint: a reservation by the channel's reference (an
 * Airbnb confirmation code), or whether the channel still honours the authorization (a
 * notification saying it was revoked).
 */
public record Recheck(Kind kind, String reference) {

	/** The longest reference kept; a channel's confirmation codes are far shorter. */
	public static final int MAX_REFERENCE = 64;

	public Recheck {
		if (kind == null || reference == null || reference.isBlank() || reference.length() > MAX_REFERENCE) {
			throw new IllegalArgumentException("A recheck needs a kind and a reference of 1 to 64 characters");
		}
	}

	public static Recheck reservation(String reference) {
		return new Recheck(Kind.RESERVATION, reference);
	}

	public static Recheck authorization() {
		return new Recheck(Kind.AUTHORIZATION, "authorization");
	}

	/** What is read again. */
	public enum Kind implements StoredInLowerCase {

		RESERVATION, AUTHORIZATION

	}

}

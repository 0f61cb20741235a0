package io.staysync.channels;

import java.time.Instant;

/**
 * What an OAuth 2 authorization of a channel account gave Staysync: secrets kept in the
 * vault and never shown again. {@link #toString()} hides both tokens.
 *
 * @param accessToken sent with every call
 * @param refreshToken exchanged for a new access token before {@code expiresAt}
 * @param expiresAt when the access token stops working
 * @param accountId the channel's id of the account that consented (Airbnb's
 * {@code user_id}), shown to managers as the connected account
 */
public record OAuthTokens(String accessToken, String refreshToken, Instant expiresAt, String accountId) {

	/** Whether the access token no longer works at {@code moment}. */
	public boolean expiresBefore(Instant moment) {
		return expiresAt == null || !expiresAt.isAfter(moment);
	}

	@Override
	public String toString() {
		return "OAuthTokens[accessToken=[hidden], refreshToken=[hidden], expiresAt=" + expiresAt + ", accountId="
				+ accountId + "]";
	}

}

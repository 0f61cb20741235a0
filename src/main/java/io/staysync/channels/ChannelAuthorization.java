package io.staysync.channels;

import java.net.URI;

/**
 * The OAuth 2 authorization-code flow of a channel whose API is reached on the host's
 * behalf (Airbnb): where to send the host for consent, and how to turn the code the
 * channel sends back into tokens. Implemented by the channel's adapter.
 */
public interface ChannelAuthorization {

	boolean supports(ChannelType type);

	/** The channel's consent page for this client, coming back to {@code redirectUri}. */
	URI authorizeUrl(String clientId, URI redirectUri, String state);

	/**
	 * Exchanges the code the consent page sent back.
	 * @throws AuthorizationFailed with a sentence a manager understands when the channel
	 * refuses it or cannot be reached
	 */
	OAuthTokens exchange(String clientId, String clientSecret, String code, URI redirectUri);

	/** Why a code could not be exchanged, in words a manager understands. */
	class AuthorizationFailed extends RuntimeException {

		public AuthorizationFailed(String message) {
			super(message);
		}

	}

}

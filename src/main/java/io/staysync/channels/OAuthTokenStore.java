package io.staysync.channels;

import java.util.Optional;
import java.util.UUID;

/**
 * Where a connector that signs in with OAuth 2 keeps an integration's tokens: the
 * integrations module implements it with the credential vault. A connector reads the
 * tokens for each call, stores renewed ones at once, and reports an authorization the
 * channel no longer honours, which turns the integration to {@code error} with the
 * message.
 */
public interface OAuthTokenStore {

	Optional<OAuthTokens> tokens(UUID integrationId);

	void store(UUID integrationId, OAuthTokens tokens);

	/**
	 * The channel refused the authorization (revoked, or a refresh refused): forget the
	 * tokens and put the integration in error with {@code message}, which says to
	 * reconnect.
	 */
	void revoked(UUID integrationId, String message);

}

package io.staysync.channels.airbnb;

import java.net.URI;

import org.springframework.stereotype.Component;

import io.staysync.channels.ChannelAuthorization;
import io.staysync.channels.ChannelType;
import io.staysync.channels.OAuthTokens;

/**
 * Airbnb's OAuth 2 authorization-code flow: the consent page at
 * {@code staysync.channels.airbnb.authorize-url} (this instance's sandbox in demo mode),
 * and the code exchanged with {@code POST oauth2/authorizations} under HTTP Basic client
 * credentials. The redirect URI is not part of Airbnb's exchange (the code alone is); it
 * is registered with the partner application.
 */
@Component
class AirbnbAuthorization implements ChannelAuthorization {

	private final AirbnbClient client;

	AirbnbAuthorization(AirbnbClient client) {
		this.client = client;
	}

	@Override
	public boolean supports(ChannelType type) {
		return type == ChannelType.AIRBNB;
	}

	@Override
	public URI authorizeUrl(String clientId, URI redirectUri, String state) {
		return client.authorizeUrl(clientId, redirectUri, state);
	}

	@Override
	public OAuthTokens exchange(String clientId, String clientSecret, String code, URI redirectUri) {
		try {
			return client.exchange(clientId, clientSecret, code);
		}
		catch (AirbnbException failed) {
			throw new AuthorizationFailed(failed.getMessage());
		}
	}

}

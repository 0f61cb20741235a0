package io.staysync.integrations;

import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.util.UriComponentsBuilder;

import io.staysync.channels.ChannelAuthorization;
import io.staysync.channels.ChannelType;
import io.staysync.channels.OAuthTokens;

/**
 * Airbnb's consent and code exchange as a test double: a consent URL on a host of its
 * own, and an exchange that gives tokens for {@link #GOOD_CODE} and refuses
 * {@link #REFUSED_CODE}, remembering what it was asked. Ordered first, so it stands in
 * for the real adapter.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public class TestAuthorization implements ChannelAuthorization {

	public static final String GOOD_CODE = "code-0f9e8d7c6b5a";

	public static final String REFUSED_CODE = "code-refused-by-airbnb";

	public static final String ACCESS_TOKEN = "access-tok-SECRET-5d41402abc4b2a76";

	public static final String REFRESH_TOKEN = "refresh-tok-SECRET-7d793037a0760186";

	public static final String ACCOUNT = "1603070";

	public final List<Exchanged> exchanges = new CopyOnWriteArrayList<>();

	@Override
	public boolean supports(ChannelType type) {
		return type == ChannelType.AIRBNB;
	}

	@Override
	public URI authorizeUrl(String clientId, URI redirectUri, String state) {
		return UriComponentsBuilder.fromUriString("https://consent.test/oauth2/auth")
			.queryParam("client_id", clientId)
			.queryParam("redirect_uri", redirectUri)
			.queryParam("state", state)
			.encode()
			.build()
			.toUri();
	}

	@Override
	public OAuthTokens exchange(String clientId, String clientSecret, String code, URI redirectUri) {
		exchanges.add(new Exchanged(clientId, clientSecret, code, redirectUri));
		if (!GOOD_CODE.equals(code)) {
			throw new AuthorizationFailed("Airbnb refused the authorization code (invalid_grant): it is invalid,"
					+ " expired or already used.");
		}
		return new OAuthTokens(ACCESS_TOKEN, REFRESH_TOKEN, Instant.now().plus(24, ChronoUnit.HOURS), ACCOUNT);
	}

	public record Exchanged(String clientId, String clientSecret, String code, URI redirectUri) {
	}

}

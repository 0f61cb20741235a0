package io.staysync.channels.airbnb;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where and how Staysync talks to Airbnb's partner API, bound from
 * {@code staysync.channels.airbnb.*}. Every call goes through the guarded HTTP client, so
 * pointing these at a private address (a local sandbox) also needs
 * {@code staysync.http.allow-private-addresses=true}.
 *
 * @param apiUrl the base of every API call ({@code users/me}, {@code listings},
 * {@code reservations}, {@code calendar_operations}) and of the token endpoint
 * {@code oauth2/authorizations}
 * @param authorizeUrl the consent page a host is sent to when connecting Airbnb
 * @param scope the scopes asked for on the consent page, as Airbnb granted them to the
 * partner application; empty asks for none by name (Airbnb then grants the application's
 * own)
 * @param pageSize how many reservations or listings one page asks for (Airbnb's most is
 * 50)
 * @param maxPages the most pages read for one listing's reservations (or the account's
 * listings) before the walk is stopped as a paging fault
 * @param tokenRenewBefore how long before its expiry an access token is refreshed
 * (Airbnb's live 24 hours)
 * @param sandbox whether to talk to this instance's own Airbnb sandbox (on loopback,
 * under {@code /sandbox/airbnb}) instead of the URLs above: for demo mode, which turns it
 * on by itself, and tests
 */
@ConfigurationProperties("staysync.channels.airbnb")
public record AirbnbSettings(@DefaultValue("https://api.airbnb.com/v2") URI apiUrl,
		@DefaultValue("https://www.airbnb.com/oauth2/auth") URI authorizeUrl, @DefaultValue("") String scope,
		@DefaultValue("50") int pageSize, @DefaultValue("200") int maxPages,
		@DefaultValue("10m") Duration tokenRenewBefore, @DefaultValue("false") boolean sandbox) {

	public AirbnbSettings {
		if (pageSize < 1 || pageSize > 50) {
			throw new IllegalArgumentException(
					"staysync.channels.airbnb.page-size must be between 1 and 50 (Airbnb's most per page)");
		}
		if (maxPages < 1) {
			throw new IllegalArgumentException("staysync.channels.airbnb.max-pages must be 1 or more");
		}
		if (tokenRenewBefore == null || tokenRenewBefore.isNegative()
				|| tokenRenewBefore.compareTo(Duration.ofHours(12)) > 0) {
			throw new IllegalArgumentException(
					"staysync.channels.airbnb.token-renew-before must be between 0s and 12h (tokens live 24h)");
		}
		scope = scope == null ? "" : scope.strip();
	}

	/** The real hosts. */
	public static AirbnbSettings defaults() {
		return new AirbnbSettings(URI.create("https://api.airbnb.com/v2"),
				URI.create("https://www.airbnb.com/oauth2/auth"), "", 50, 200, Duration.ofMinutes(10), false);
	}

	/** The same pace against other hosts (a sandbox). */
	public AirbnbSettings at(URI api, URI authorize) {
		return new AirbnbSettings(api, authorize, scope, pageSize, maxPages, tokenRenewBefore, false);
	}

	/** Another page size and cap, for tests of the page walk. */
	AirbnbSettings paging(int size, int pages) {
		return new AirbnbSettings(apiUrl, authorizeUrl, scope, size, pages, tokenRenewBefore, sandbox);
	}

}

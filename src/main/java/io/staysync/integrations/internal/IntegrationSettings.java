package io.staysync.integrations.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How channels reach this instance, bound from {@code staysync.integrations.*}.
 *
 * @param publicUrl the address browsers and channels reach Staysync at (scheme, host,
 * port and any path prefix, for example {@code https://staysync.example.com}); OAuth
 * redirect URIs are built from it, so that they are exactly what is registered with the
 * channel whatever a proxy forwards. Empty: they are built from each request, which
 * behind a proxy trusts its X-Forwarded headers only from private and loopback addresses
 * ({@code server.forward-headers-strategy=native})
 */
@ConfigurationProperties("staysync.integrations")
record IntegrationSettings(@DefaultValue("") String publicUrl) {

	IntegrationSettings {
		publicUrl = publicUrl == null ? "" : publicUrl.strip();
		if (!publicUrl.isEmpty()) {
			publicUrl = checked(publicUrl);
		}
	}

	/** The public URL without a trailing slash; empty when none is set. */
	private static String checked(String url) {
		URI uri;
		try {
			uri = new URI(url);
		}
		catch (URISyntaxException malformed) {
			throw new IllegalArgumentException(
					"staysync.integrations.public-url is not a URL: " + malformed.getReason());
		}
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
			throw new IllegalArgumentException(
					"staysync.integrations.public-url must be an absolute http(s) URL such as https://staysync.example.com");
		}
		if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
			throw new IllegalArgumentException(
					"staysync.integrations.public-url must have no user, query or fragment: only scheme, host, port and path");
		}
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

	boolean hasPublicUrl() {
		return !publicUrl.isEmpty();
	}

}

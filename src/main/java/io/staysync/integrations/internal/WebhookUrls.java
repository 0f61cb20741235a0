package io.staysync.integrations.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * Webhook URLs must be https, except on the local machine where plain http is fine for
 * testing.
 */
final class WebhookUrls {

	private static final Set<String> LOCAL = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

	private WebhookUrls() {
	}

	static boolean acceptable(String value) {
		if (value.length() > 2048) {
			return false;
		}
		try {
			URI uri = new URI(value);
			if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getScheme() == null) {
				return false;
			}
			String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
			return scheme.equals("https")
					|| (scheme.equals("http") && LOCAL.contains(uri.getHost().toLowerCase(Locale.ROOT)));
		}
		catch (URISyntaxException malformed) {
			return false;
		}
	}

}

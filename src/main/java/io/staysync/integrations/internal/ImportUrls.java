package io.staysync.integrations.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The shape of an iCal feed URL: absolute http or https, with a host and no credentials.
 * Whether its address may be fetched is decided when it is fetched, by the guarded
 * fetcher.
 */
final class ImportUrls {

	private ImportUrls() {
	}

	static boolean acceptable(String value) {
		if (value.length() > 2048) {
			return false;
		}
		try {
			URI uri = new URI(value.strip());
			String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
			return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
					&& uri.getRawUserInfo() == null;
		}
		catch (URISyntaxException malformed) {
			return false;
		}
	}

}

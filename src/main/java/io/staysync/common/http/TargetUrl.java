package io.staysync.common.http;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

import org.apache.hc.core5.net.URIAuthority;

/**
 * A URL that may be requested: http or https, a host, no user name or password, and, when
 * the host is written as an address, one the policy permits. Host names are checked
 * later, on every address they resolve to ({@link PolicyDnsResolver}). Checked again for
 * each redirect.
 *
 * @param uri the URL as given
 * @param host the host as written in the URL, the only part of it a message may show
 * @param port the port, the scheme's default when none is written
 */
record TargetUrl(URI uri, String host, int port) {

	static TargetUrl check(URI url, AddressPolicy policy) throws FetchException {
		if (url == null) {
			throw FetchFailures.invalidUrl("No address was given.");
		}
		String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
		if (!scheme.equals("http") && !scheme.equals("https")) {
			throw FetchFailures.invalidUrl("Only addresses that start with http:// or https:// can be fetched.");
		}
		if (url.isOpaque() || url.getRawAuthority() == null) {
			throw FetchFailures.invalidUrl("The address has no host name.");
		}
		if (url.getRawUserInfo() != null || url.getRawAuthority().contains("@")) {
			throw FetchFailures.invalidUrl("The address contains a user name or password. Staysync never sends "
					+ "credentials written into an address; remove them.");
		}
		TargetUrl target = authority(url, scheme);
		target.checkLiteralAddress(policy);
		return target;
	}

	/**
	 * The host and port as HttpClient will read them, also for names {@link URI} does not
	 * parse.
	 */
	private static TargetUrl authority(URI url, String scheme) throws FetchException {
		String host = url.getHost();
		int port = url.getPort();
		if (host == null) {
			try {
				URIAuthority authority = URIAuthority.create(url.getRawAuthority());
				host = authority.getHostName();
				port = authority.getPort();
			}
			catch (URISyntaxException | IllegalArgumentException ex) {
				throw FetchFailures.invalidUrl("The address has no valid host name.");
			}
		}
		if (host == null || host.isBlank()) {
			throw FetchFailures.invalidUrl("The address has no host name.");
		}
		if (port == -1) {
			port = scheme.equals("https") ? 443 : 80;
		}
		if (port < 1 || port > 65535) {
			throw FetchFailures.invalidUrl("The address has an invalid port number.");
		}
		return new TargetUrl(url, host, port);
	}

	private void checkLiteralAddress(AddressPolicy policy) throws FetchException {
		String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
		InetAddress literal;
		boolean plain = true;
		try {
			// In brackets the JDK parses an IPv6 literal or fails; it never asks the name
			// service.
			if (bare.contains(":")) {
				literal = InetAddress.getByName("[" + bare + "]");
			}
			else {
				NumericHost numeric = NumericHost.parse(bare);
				literal = numeric == null ? null : numeric.address();
				plain = numeric == null || numeric.plain();
			}
		}
		catch (UnknownHostException | IllegalArgumentException ex) {
			throw FetchFailures.invalidUrl(host + " is not a valid IP address.");
		}
		if (literal != null && !policy.permits(new InetSocketAddress(literal, port))) {
			throw FetchFailures.blocked(host);
		}
		if (!plain) {
			throw FetchFailures.invalidUrl(host + " is an IP address written in an unusual form. Write it as four "
					+ "numbers separated by dots, or use the host name.");
		}
	}

}

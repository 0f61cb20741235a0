package io.staysync.common.http;

import java.net.UnknownHostException;

/**
 * A host name resolved to an address the policy refuses. An {@link UnknownHostException},
 * because that is all a {@code DnsResolver} may throw; HttpClient passes it up unchanged.
 */
class BlockedAddressException extends UnknownHostException {

	BlockedAddressException(String host) {
		super(host);
	}

}

package io.staysync.common.http;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

import org.apache.hc.client5.http.DnsResolver;

/**
 * Resolves host names for the connection manager and refuses the whole answer when any
 * address in it is outside the policy. HttpClient connects only to the addresses returned
 * here, so a DNS answer that changes between a check and the connection (rebinding)
 * cannot slip through. Literal addresses (also octal, hex or short forms the system
 * resolver accepts) come through here too.
 */
class PolicyDnsResolver implements DnsResolver {

	private final AddressPolicy policy;

	private final HostLookup lookup;

	PolicyDnsResolver(AddressPolicy policy, HostLookup lookup) {
		this.policy = policy;
		this.lookup = lookup;
	}

	@Override
	public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
		List<InetSocketAddress> addresses = Arrays.stream(lookup.lookup(host))
			.map(address -> new InetSocketAddress(address, port))
			.toList();
		if (addresses.isEmpty()) {
			throw new UnknownHostException(host);
		}
		if (!addresses.stream().allMatch(policy::permits)) {
			throw new BlockedAddressException(host);
		}
		return addresses;
	}

	/** Only for callers that do not say the port: checked as port 0. */
	@Override
	public InetAddress[] resolve(String host) throws UnknownHostException {
		return resolve(host, 0).stream().map(InetSocketAddress::getAddress).toArray(InetAddress[]::new);
	}

	/**
	 * No reverse lookup: nothing here needs a canonical name, and it would be one more
	 * query.
	 */
	@Override
	public String resolveCanonicalHostname(String host) {
		return host;
	}

	/**
	 * The name service; the system one except in tests that need a host name to point
	 * somewhere.
	 */
	@FunctionalInterface
	interface HostLookup {

		InetAddress[] lookup(String host) throws UnknownHostException;

		static HostLookup system() {
			return InetAddress::getAllByName;
		}

	}

}

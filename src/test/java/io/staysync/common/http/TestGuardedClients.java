package io.staysync.common.http;

import java.net.InetAddress;
import java.time.Clock;
import java.util.Map;

/**
 * Guarded clients for tests in other packages: public addresses and loopback (where the
 * tests' receivers listen) are permitted, every other private or internal address is
 * refused as in production, and host names in {@code hosts} resolve to the address the
 * test puts there (it may change it between a check and a request).
 */
public final class TestGuardedClients {

	private TestGuardedClients() {
	}

	public static GuardedHttpClient resolving(GuardedHttpSettings settings, Map<String, String> hosts) {
		AddressPolicy loopback = address -> address.getAddress().isLoopbackAddress();
		return new GuardedHttpClient(settings, Clock.systemUTC(), AddressPolicy.publicOnly().or(loopback), host -> {
			String address = hosts.get(host);
			return address == null ? InetAddress.getAllByName(host)
					: new InetAddress[] { InetAddress.getByName(address) };
		});
	}

}

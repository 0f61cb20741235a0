package io.staysync.common.http;

import java.net.InetSocketAddress;
import java.util.function.IntSupplier;

/**
 * Decides whether Staysync may open a connection to an address. Checked on every address
 * a host name resolves to, inside the client's DNS resolver, so that the address checked
 * is the address connected to; and on literal addresses in a URL before any request.
 */
@FunctionalInterface
interface AddressPolicy {

	boolean permits(InetSocketAddress address);

	/** Public internet addresses only: the default. */
	static AddressPolicy publicOnly() {
		return address -> AddressScope.of(address.getAddress()) == AddressScope.PUBLIC;
	}

	/**
	 * Public and private networks (loopback, RFC 1918, CGNAT, unique-local), for
	 * on-premise feeds. Link-local stays refused: no feed lives there, but cloud metadata
	 * does.
	 */
	static AddressPolicy publicAndPrivate() {
		return address -> AddressScope.of(address.getAddress()) != AddressScope.RESERVED;
	}

	/**
	 * This very instance on loopback, at the port it listens on (known only once it
	 * listens): where demo mode's sandbox feeds live. Nothing there that a user could not
	 * fetch from outside, unlike any other local port.
	 */
	static AddressPolicy ownServer(IntSupplier listeningPort) {
		return address -> address.getAddress().isLoopbackAddress() && address.getPort() > 0
				&& address.getPort() == listeningPort.getAsInt();
	}

	static AddressPolicy of(GuardedHttpSettings settings) {
		return settings.allowPrivateAddresses() ? publicAndPrivate() : publicOnly();
	}

	default AddressPolicy or(AddressPolicy other) {
		return address -> permits(address) || other.permits(address);
	}

}

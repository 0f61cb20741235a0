package io.staysync.common.http;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.staysync.common.http.PolicyDnsResolver.HostLookup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PolicyDnsResolverTests {

	private final PolicyDnsResolver publicOnly = new PolicyDnsResolver(AddressPolicy.publicOnly(),
			fakeDns(Map.of("calendar.example.test", "93.184.216.34", "metadata.example.test", "169.254.169.254")));

	@Test
	void returnsTheAddressesItCheckedForThePortAsked() throws Exception {
		assertThat(publicOnly.resolve("calendar.example.test", 443))
			.containsExactly(new InetSocketAddress(InetAddress.getByName("93.184.216.34"), 443));
	}

	@Test
	void refusesANameThatPointsInsideEvenWhenItLooksPublic() {
		assertThatThrownBy(() -> publicOnly.resolve("metadata.example.test", 80))
			.isInstanceOf(BlockedAddressException.class);
	}

	@Test
	void refusesTheWholeAnswerWhenOneOfSeveralAddressesIsInternal() throws Exception {
		HostLookup mixed = host -> new InetAddress[] { InetAddress.getByName("93.184.216.34"),
				InetAddress.getByName("10.0.0.1") };

		assertThatThrownBy(() -> new PolicyDnsResolver(AddressPolicy.publicOnly(), mixed).resolve("mixed.test", 80))
			.isInstanceOf(BlockedAddressException.class);
	}

	@Test
	void checksEveryLookupSoAnAnswerThatChangesIsCaughtWhenItChanges() throws Exception {
		AtomicInteger lookups = new AtomicInteger();
		HostLookup rebinding = host -> new InetAddress[] {
				InetAddress.getByName(lookups.getAndIncrement() == 0 ? "93.184.216.34" : "127.0.0.1") };
		PolicyDnsResolver resolver = new PolicyDnsResolver(AddressPolicy.publicOnly(), rebinding);

		assertThat(resolver.resolve("rebind.test", 80)).hasSize(1);
		assertThatThrownBy(() -> resolver.resolve("rebind.test", 80)).isInstanceOf(BlockedAddressException.class);
	}

	@Test
	void checksWhatTheSystemResolverMakesOfLocalhostAndNumericSpellings() {
		PolicyDnsResolver system = new PolicyDnsResolver(AddressPolicy.publicOnly(), HostLookup.system());

		for (String host : new String[] { "localhost", "127.1", "2130706433", "::ffff:127.0.0.1", "[::1]", "0" }) {
			assertThatThrownBy(() -> system.resolve(host, 80)).as(host).isInstanceOf(BlockedAddressException.class);
		}
	}

	@Test
	void privateAddressesPassWhenAllowedAndUnknownNamesStayUnknown() throws Exception {
		PolicyDnsResolver allowing = new PolicyDnsResolver(AddressPolicy.publicAndPrivate(), HostLookup.system());

		assertThat(allowing.resolve("localhost", 8080)).extracting(InetSocketAddress::getPort).containsOnly(8080);
		assertThatThrownBy(() -> allowing.resolve("no-such-host.invalid", 80)).isInstanceOf(UnknownHostException.class)
			.isNotInstanceOf(BlockedAddressException.class);
	}

	private static HostLookup fakeDns(Map<String, String> records) {
		return host -> {
			String address = records.get(host);
			if (address == null) {
				throw new UnknownHostException(host);
			}
			return new InetAddress[] { InetAddress.getByName(address) };
		};
	}

}

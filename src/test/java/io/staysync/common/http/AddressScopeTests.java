package io.staysync.common.http;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class AddressScopeTests {

	@ParameterizedTest(name = "{0} is {1}")
	@CsvSource({
			// public internet
			"8.8.8.8, PUBLIC", "93.184.216.34, PUBLIC", "100.63.255.255, PUBLIC", "100.128.0.0, PUBLIC",
			"172.15.255.255, PUBLIC", "172.32.0.0, PUBLIC", "192.167.255.255, PUBLIC", "169.253.255.255, PUBLIC",
			"198.20.0.0, PUBLIC", "223.255.255.255, PUBLIC", "2606:4700::1111, PUBLIC", "2a00:1450:4001::1, PUBLIC",
			"::ffff:8.8.8.8, PUBLIC", "2002:808:808::1, PUBLIC", "64:ff9b::808:808, PUBLIC",
			// the machine and the networks around it
			"127.0.0.1, PRIVATE", "127.255.255.254, PRIVATE", "10.0.0.1, PRIVATE", "10.255.255.255, PRIVATE",
			"172.16.0.1, PRIVATE", "172.31.255.255, PRIVATE", "192.168.1.1, PRIVATE", "100.64.0.1, PRIVATE",
			"100.127.255.255, PRIVATE", "::1, PRIVATE", "fd00::1, PRIVATE", "fc00::1, PRIVATE", "fec0::1, PRIVATE",
			"::ffff:127.0.0.1, PRIVATE", "::127.0.0.1, PRIVATE", "::ffff:10.0.0.1, PRIVATE", "2002:7f00:1::1, PRIVATE",
			"64:ff9b::a00:1, PRIVATE",
			// never fetched from
			"0.0.0.0, RESERVED", "0.1.2.3, RESERVED", "169.254.169.254, RESERVED", "169.254.0.1, RESERVED",
			"224.0.0.1, RESERVED", "239.255.255.250, RESERVED", "255.255.255.255, RESERVED", "240.0.0.1, RESERVED",
			"192.0.0.192, RESERVED", "192.0.2.1, RESERVED", "198.51.100.1, RESERVED", "203.0.113.1, RESERVED",
			"198.18.0.1, RESERVED", "198.19.255.255, RESERVED", "::, RESERVED", "fe80::1, RESERVED",
			"febf::1, RESERVED", "ff02::1, RESERVED", "2001:db8::1, RESERVED", "2001::1, RESERVED", "3fff::1, RESERVED",
			"100::1, RESERVED", "::ffff:169.254.169.254, RESERVED", "::169.254.169.254, RESERVED",
			"64:ff9b::a9fe:a9fe, RESERVED", "2002:a9fe:a9fe::1, RESERVED", "::ffff:0.0.0.0, RESERVED",
			"::ffff:224.0.0.1, RESERVED" })
	void classifiesAddresses(String literal, AddressScope scope) throws Exception {
		assertThat(AddressScope.of(InetAddress.getByName(literal))).isEqualTo(scope);
	}

	@Test
	void readsTheIpv4AddressInsideAnIpv4MappedIpv6AddressTheJdkDidNotUnwrap() throws Exception {
		assertThat(AddressScope.of(mapped(127, 0, 0, 1))).isEqualTo(AddressScope.PRIVATE);
		assertThat(AddressScope.of(mapped(169, 254, 169, 254))).isEqualTo(AddressScope.RESERVED);
		assertThat(AddressScope.of(mapped(8, 8, 8, 8))).isEqualTo(AddressScope.PUBLIC);
	}

	@Test
	void publicOnlyRefusesEverythingButThePublicInternet() throws Exception {
		AddressPolicy policy = AddressPolicy.publicOnly();

		assertThat(policy.permits(at("8.8.8.8"))).isTrue();
		assertThat(policy.permits(at("127.0.0.1"))).isFalse();
		assertThat(policy.permits(at("10.0.0.1"))).isFalse();
		assertThat(policy.permits(at("169.254.169.254"))).isFalse();
		assertThat(policy.permits(new InetSocketAddress(mapped(127, 0, 0, 1), 80))).isFalse();
	}

	@Test
	void allowingPrivateNetworksStillRefusesLinkLocalAndSpecialRanges() throws Exception {
		AddressPolicy policy = AddressPolicy.publicAndPrivate();

		assertThat(policy.permits(at("8.8.8.8"))).isTrue();
		assertThat(policy.permits(at("127.0.0.1"))).isTrue();
		assertThat(policy.permits(at("192.168.1.20"))).isTrue();
		assertThat(policy.permits(at("fd12::1"))).isTrue();
		assertThat(policy.permits(at("169.254.169.254"))).isFalse();
		assertThat(policy.permits(at("fe80::1"))).isFalse();
		assertThat(policy.permits(at("0.0.0.0"))).isFalse();
		assertThat(policy.permits(at("224.0.0.1"))).isFalse();
	}

	@Test
	void theSettingChoosesThePolicy() throws Exception {
		GuardedHttpSettings defaults = GuardedHttpSettings.defaults();

		assertThat(AddressPolicy.of(defaults).permits(at("127.0.0.1"))).isFalse();
		assertThat(AddressPolicy.of(defaults.withAllowPrivateAddresses(true)).permits(at("127.0.0.1"))).isTrue();
	}

	@ParameterizedTest(name = "{0} is refused even with private networks allowed")
	@CsvSource({ "169.254.169.254", "169.254.170.2", "169.254.0.23", "100.100.100.200", "168.63.129.16", "192.0.0.192",
			"fd00:ec2::254", "fd00:ec2::23", "fe80::a9fe:a9fe", "::ffff:100.100.100.200", "64:ff9b::6464:64c8" })
	void cloudMetadataServicesAreReservedWhateverTheSetting(String literal) throws Exception {
		assertThat(AddressScope.of(InetAddress.getByName(literal))).isEqualTo(AddressScope.RESERVED);
		assertThat(AddressPolicy.publicAndPrivate().permits(at(literal))).isFalse();
	}

	@Test
	void theOwnServerPolicyPermitsOnlyLoopbackAtTheListeningPort() throws Exception {
		AddressPolicy demo = AddressPolicy.publicOnly().or(AddressPolicy.ownServer(() -> 8080));

		assertThat(demo.permits(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 8080))).isTrue();
		assertThat(demo.permits(new InetSocketAddress(InetAddress.getByName("::1"), 8080))).isTrue();
		assertThat(demo.permits(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 5432))).isFalse();
		assertThat(demo.permits(new InetSocketAddress(InetAddress.getByName("10.0.0.1"), 8080))).isFalse();
		assertThat(demo.permits(new InetSocketAddress(InetAddress.getByName("169.254.169.254"), 8080))).isFalse();
		assertThat(
				AddressPolicy.ownServer(() -> -1).permits(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0)))
			.isFalse();
	}

	private static InetSocketAddress at(String literal) throws Exception {
		return new InetSocketAddress(InetAddress.getByName(literal), 443);
	}

	private static InetAddress mapped(int a, int b, int c, int d) throws Exception {
		byte[] bytes = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, (byte) a, (byte) b, (byte) c,
				(byte) d };
		return Inet6Address.getByAddress(null, bytes, -1);
	}

}

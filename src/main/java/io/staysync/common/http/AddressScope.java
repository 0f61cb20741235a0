package io.staysync.common.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

/**
 * Where an IP address leads, as far as fetching is concerned. The JDK's {@code isXxx()}
 * helpers miss carrier-grade NAT, unique-local IPv6, {@code 0.0.0.0/8} and IPv4 addresses
 * wrapped in IPv6 forms, so the ranges are written out here (RFC 6890 and the IANA
 * special-purpose address registries).
 */
enum AddressScope {

	/** Reachable on the public internet. */
	PUBLIC,

	/**
	 * The machine itself and the networks around it: loopback, RFC 1918, CGNAT,
	 * unique-local.
	 */
	PRIVATE,

	/**
	 * Never a web server worth fetching from, and some are dangerous: every cloud
	 * metadata service (also those inside private ranges), link-local, unspecified,
	 * multicast, broadcast, documentation, benchmarking and other special-purpose ranges.
	 */
	RESERVED;

	/**
	 * Cloud metadata and platform services outside link-local, checked before any other
	 * range so that no setting makes them private: Alibaba Cloud (inside CGNAT), Azure's
	 * WireServer (a public address), Oracle Cloud, and the AWS Nitro services on IPv6
	 * (inside unique-local). The link-local ones (169.254.169.254 of AWS, GCP, Azure and
	 * most others, 169.254.170.2 of ECS, fe80::a9fe:a9fe) are reserved with their whole
	 * range.
	 */
	private static final List<Cidr> METADATA = Cidr.all("100.100.100.200/32", "168.63.129.16/32", "192.0.0.192/32",
			"fd00:ec2::/32");

	private static final List<Cidr> PRIVATE_IPV4 = Cidr.all("10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8",
			"172.16.0.0/12", "192.168.0.0/16");

	private static final List<Cidr> RESERVED_IPV4 = Cidr.all("0.0.0.0/8", "169.254.0.0/16", "192.0.0.0/24",
			"192.0.2.0/24", "192.88.99.0/24", "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4",
			"240.0.0.0/4");

	private static final List<Cidr> PRIVATE_IPV6 = Cidr.all("::1/128", "fc00::/7", "fec0::/10");

	/**
	 * Inside 2000::/3, the only global unicast block; everything outside it is reserved
	 * too.
	 */
	private static final List<Cidr> RESERVED_GLOBAL_IPV6 = Cidr.all("2001::/23", "2001:db8::/32", "3fff::/20");

	private static final Cidr GLOBAL_UNICAST = Cidr.of("2000::/3");

	/**
	 * IPv4-mapped, IPv4-compatible and NAT64 forms carry an IPv4 address in the last 4
	 * bytes.
	 */
	private static final List<Cidr> IPV4_IN_LAST_BYTES = Cidr.all("::ffff:0:0/96", "::/96", "64:ff9b::/96");

	/** 6to4 carries it in bytes 2 to 5. */
	private static final Cidr SIX_TO_FOUR = Cidr.of("2002::/16");

	static AddressScope of(InetAddress address) {
		byte[] bytes = address.getAddress();
		return bytes.length == 4 ? ofIpv4(bytes) : ofIpv6(bytes);
	}

	private static AddressScope ofIpv4(byte[] bytes) {
		if (Cidr.anyContains(METADATA, bytes)) {
			return RESERVED;
		}
		if (Cidr.anyContains(PRIVATE_IPV4, bytes)) {
			return PRIVATE;
		}
		return Cidr.anyContains(RESERVED_IPV4, bytes) ? RESERVED : PUBLIC;
	}

	private static AddressScope ofIpv6(byte[] bytes) {
		if (Cidr.anyContains(METADATA, bytes)) {
			return RESERVED;
		}
		if (Cidr.anyContains(PRIVATE_IPV6, bytes)) {
			return PRIVATE;
		}
		if (Arrays.equals(bytes, new byte[16])) {
			return RESERVED;
		}
		if (Cidr.anyContains(IPV4_IN_LAST_BYTES, bytes)) {
			return ofIpv4(Arrays.copyOfRange(bytes, 12, 16));
		}
		if (SIX_TO_FOUR.contains(bytes)) {
			return ofIpv4(Arrays.copyOfRange(bytes, 2, 6));
		}
		if (!GLOBAL_UNICAST.contains(bytes) || Cidr.anyContains(RESERVED_GLOBAL_IPV6, bytes)) {
			return RESERVED;
		}
		return PUBLIC;
	}

	/** An address block, parsed from literals only (no name is ever looked up). */
	private record Cidr(byte[] network, int prefix) {

		static Cidr of(String cidr) {
			String[] parts = cidr.split("/");
			try {
				byte[] network = InetAddress.getByName(parts[0]).getAddress();
				return new Cidr(parts[0].contains(":") ? asIpv6(network) : network, Integer.parseInt(parts[1]));
			}
			catch (UnknownHostException ex) {
				throw new IllegalArgumentException(cidr, ex);
			}
		}

		/**
		 * The JDK turns {@code ::ffff:a.b.c.d} literals into IPv4 addresses; the block
		 * needs all 16 bytes.
		 */
		private static byte[] asIpv6(byte[] network) {
			if (network.length == 16) {
				return network;
			}
			byte[] mapped = new byte[16];
			mapped[10] = (byte) 0xff;
			mapped[11] = (byte) 0xff;
			System.arraycopy(network, 0, mapped, 12, 4);
			return mapped;
		}

		static List<Cidr> all(String... cidrs) {
			return Arrays.stream(cidrs).map(Cidr::of).toList();
		}

		static boolean anyContains(List<Cidr> blocks, byte[] address) {
			return blocks.stream().anyMatch(block -> block.contains(address));
		}

		boolean contains(byte[] address) {
			if (address.length != network.length) {
				return false;
			}
			int whole = prefix / 8;
			if (!Arrays.equals(address, 0, whole, network, 0, whole)) {
				return false;
			}
			int rest = prefix % 8;
			int mask = (0xff << (8 - rest)) & 0xff;
			return rest == 0 || (address[whole] & mask) == (network[whole] & mask);
		}

	}

}

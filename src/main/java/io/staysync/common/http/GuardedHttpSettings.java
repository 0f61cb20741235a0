package io.staysync.common.http;

import java.time.Duration;
import java.util.Objects;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of {@link GuardedHttpClient}, bound from {@code staysync.http.*}. The defaults
 * keep one slow or huge feed from holding a sync worker for long or filling its memory.
 *
 * @param connectTimeout how long to wait for a connection (and TLS handshake)
 * @param readTimeout how long the server may stay silent while answering
 * @param totalTimeout the deadline of a whole fetch: every redirect and the whole body
 * @param maxResponseBody the largest body read; a larger one fails without being read
 * @param maxRedirects how many redirects are followed, each one checked again
 * @param allowPrivateAddresses whether loopback and private networks may be fetched from
 * (on-premise feeds, tests); link-local and other special ranges stay refused
 */
@ConfigurationProperties("staysync.http")
public record GuardedHttpSettings(@DefaultValue("5s") Duration connectTimeout,
		@DefaultValue("10s") Duration readTimeout, @DefaultValue("30s") Duration totalTimeout,
		@DefaultValue("5MB") DataSize maxResponseBody, @DefaultValue("3") int maxRedirects,
		@DefaultValue("false") boolean allowPrivateAddresses) {

	public GuardedHttpSettings {
		requirePositive(connectTimeout, "connect-timeout");
		requirePositive(readTimeout, "read-timeout");
		requirePositive(totalTimeout, "total-timeout");
		Objects.requireNonNull(maxResponseBody, "max-response-body");
		if (maxResponseBody.toBytes() <= 0 || maxRedirects < 0) {
			throw new IllegalArgumentException("staysync.http.max-response-body must be positive and "
					+ "staysync.http.max-redirects must not be negative");
		}
	}

	/** The defaults of the properties, for code that builds a client without Spring. */
	public static GuardedHttpSettings defaults() {
		return new GuardedHttpSettings(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30),
				DataSize.ofMegabytes(5), 3, false);
	}

	public GuardedHttpSettings withAllowPrivateAddresses(boolean allow) {
		return new GuardedHttpSettings(connectTimeout, readTimeout, totalTimeout, maxResponseBody, maxRedirects, allow);
	}

	private static void requirePositive(Duration duration, String name) {
		if (duration == null || duration.isNegative() || duration.isZero()) {
			throw new IllegalArgumentException("staysync.http." + name + " must be a positive duration");
		}
	}

}

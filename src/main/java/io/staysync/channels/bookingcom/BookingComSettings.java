package io.staysync.channels.bookingcom;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where and how often Staysync talks to Booking.com's Connectivity API, bound from
 * {@code staysync.channels.booking-com.*}. Every call goes through the guarded HTTP
 * client, so pointing these at a private address (a local sandbox) also needs
 * {@code staysync.http.allow-private-addresses=true}.
 *
 * @param tokenUrl the machine-account token exchange (client id and secret for a JWT)
 * @param reservationsUrl the base of {@code /hotels/ota/OTA_HotelResNotif} and
 * {@code /hotels/ota/OTA_HotelResModifyNotif} (Booking.com's PCI host)
 * @param availabilityUrl the base of {@code /hotels/ota/OTA_HotelAvailNotif}
 * @param pollInterval how often an active integration in API mode pulls reservations; 20
 * seconds at the least, as Booking.com asks
 * @param pauseAfterAcknowledgement how long to wait after an acknowledgement before the
 * next pull, as Booking.com asks
 * @param tokenRenewBefore how long before its expiry a cached token is exchanged for a
 * new one
 * @param maxTokensPerHour the most token exchanges per machine account in any hour
 * (Booking.com refuses more than 30)
 * @param sandbox whether to talk to this instance's own Booking.com sandbox (on loopback,
 * under {@code /sandbox/booking-com}) instead of the URLs above: for demo mode, which
 * turns it on by itself, and tests
 */
@ConfigurationProperties("staysync.channels.booking-com")
public record BookingComSettings(
		@DefaultValue("https://connectivity-authentication.booking.com/token-based-authentication/exchange") URI tokenUrl,
		@DefaultValue("https://secure-supply-xml.booking.com") URI reservationsUrl,
		@DefaultValue("https://supply-xml.booking.com") URI availabilityUrl, @DefaultValue("30s") Duration pollInterval,
		@DefaultValue("5s") Duration pauseAfterAcknowledgement, @DefaultValue("10m") Duration tokenRenewBefore,
		@DefaultValue("30") int maxTokensPerHour, @DefaultValue("false") boolean sandbox) {

	static final Duration SHORTEST_POLL = Duration.ofSeconds(20);

	public BookingComSettings {
		if (pollInterval == null || pollInterval.compareTo(SHORTEST_POLL) < 0) {
			throw new IllegalArgumentException(
					"staysync.channels.booking-com.poll-interval must be 20s or more: Booking.com asks for no more"
							+ " than one pull every 20 seconds");
		}
		if (pauseAfterAcknowledgement == null || pauseAfterAcknowledgement.isNegative()) {
			throw new IllegalArgumentException(
					"staysync.channels.booking-com.pause-after-acknowledgement must not be negative");
		}
		if (tokenRenewBefore == null || tokenRenewBefore.isNegative()
				|| tokenRenewBefore.compareTo(Duration.ofMinutes(50)) > 0) {
			throw new IllegalArgumentException(
					"staysync.channels.booking-com.token-renew-before must be between 0s and 50m (tokens live 1h)");
		}
		if (maxTokensPerHour < 1 || maxTokensPerHour > 30) {
			throw new IllegalArgumentException(
					"staysync.channels.booking-com.max-tokens-per-hour must be between 1 and 30");
		}
	}

	/** The real hosts and Booking.com's pace. */
	public static BookingComSettings defaults() {
		return new BookingComSettings(
				URI.create("https://connectivity-authentication.booking.com/token-based-authentication/exchange"),
				URI.create("https://secure-supply-xml.booking.com"), URI.create("https://supply-xml.booking.com"),
				Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofMinutes(10), 30, false);
	}

	/** The same pace against other hosts (a sandbox). */
	public BookingComSettings at(URI tokens, URI reservations, URI availability) {
		return new BookingComSettings(tokens, reservations, availability, pollInterval, pauseAfterAcknowledgement,
				tokenRenewBefore, maxTokensPerHour, false);
	}

}

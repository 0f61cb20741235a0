package io.staysync.bookings.internal;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How bookings hold nights, bound from {@code staysync.bookings.*}.
 *
 * @param holdTentative whether a tentative booking (a channel's request not yet accepted,
 * such as an Airbnb pending reservation) holds its nights: closed on every other channel,
 * in export feeds and on the calendar, and refused to a manual booking. Off, tentative
 * bookings are stored and listed but hold nothing until the channel confirms them
 */
@ConfigurationProperties("staysync.bookings")
record BookingSettings(@DefaultValue("true") boolean holdTentative) {

	private static final List<String> CONFIRMED = List.of("CONFIRMED");

	private static final List<String> CONFIRMED_OR_TENTATIVE = List.of("CONFIRMED", "TENTATIVE");

	/**
	 * The stored statuses of the bookings that hold their nights, for
	 * {@code status in (:holding)}.
	 */
	List<String> holdingStatuses() {
		return holdTentative ? CONFIRMED_OR_TENTATIVE : CONFIRMED;
	}

}

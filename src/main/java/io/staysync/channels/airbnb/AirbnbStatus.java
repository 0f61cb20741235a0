package io.staysync.channels.airbnb;

import java.util.Map;
import java.util.Optional;

import io.staysync.bookings.BookingStatus;

/**
 * Airbnb's {@code status_type} of a reservation as a booking status. Every value Airbnb
 * is known to send has its own line; an unknown one maps to nothing, so that the
 * reservation is reported as unreadable instead of guessed (a guess could close or open
 * nights wrongly).
 * <ul>
 * <li>{@code accept}: the reservation stands: confirmed.</li>
 * <li>{@code cancelled_by_admin}, {@code cancelled_by_host}, {@code cancelled_by_guest},
 * {@code deny}, {@code timeout}, {@code pending_voided}, {@code checkpoint_voided}: it
 * never was or no longer is a stay: cancelled.</li>
 * <li>{@code new}, {@code pending}, {@code pending_payment}: a request or a booking
 * Airbnb has not completed yet: tentative.</li>
 * <li>{@code at_checkpoint}: held at one of Airbnb's checks (identity, payment) before it
 * completes; it ends either accepted or {@code checkpoint_voided}, just as
 * {@code pending} ends accepted or {@code pending_voided}, so it is tentative too.</li>
 * </ul>
 */
final class AirbnbStatus {

	private static final Map<String, BookingStatus> STATUSES = Map.ofEntries(
			Map.entry("accept", BookingStatus.CONFIRMED), Map.entry("cancelled_by_admin", BookingStatus.CANCELLED),
			Map.entry("cancelled_by_host", BookingStatus.CANCELLED),
			Map.entry("cancelled_by_guest", BookingStatus.CANCELLED), Map.entry("deny", BookingStatus.CANCELLED),
			Map.entry("timeout", BookingStatus.CANCELLED), Map.entry("pending_voided", BookingStatus.CANCELLED),
			Map.entry("checkpoint_voided", BookingStatus.CANCELLED), Map.entry("new", BookingStatus.TENTATIVE),
			Map.entry("pending", BookingStatus.TENTATIVE), Map.entry("pending_payment", BookingStatus.TENTATIVE),
			Map.entry("at_checkpoint", BookingStatus.TENTATIVE));

	private AirbnbStatus() {
	}

	/**
	 * The booking status of a {@code status_type}; empty for one Airbnb is not known to
	 * send.
	 */
	static Optional<BookingStatus> of(String statusType) {
		return Optional.ofNullable(statusType == null ? null : STATUSES.get(statusType));
	}

}

package io.staysync.channels;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.staysync.common.TimeLimit;

/**
 * One adapter per channel and mode. A channel that reports listings is fetched per
 * listing ({@link #fetchChanges}); a channel that delivers messages until they are
 * acknowledged (Booking.com's API) says so with {@link #pullsMessages()}, and is pulled
 * once per run for all its listings, each message applied in a transaction of its own and
 * acknowledged only once that committed. Pushing availability has a default that answers
 * "not supported", which is right for iCal (its export feed is served live from the
 * database).
 */
public interface ChannelConnector {

	boolean supports(ChannelType type, ChannelMode mode);

	/**
	 * Really calls the channel with these credentials and says what it found. Must not
	 * throw for a failing peer: a failure is a {@link ConnectionCheck#failed} with the
	 * reason.
	 */
	ConnectionCheck testConnection(ChannelCredentials credentials);

	/**
	 * What the channel reports for one listing now. Must not throw for a failing peer: a
	 * failure is {@link ListingChanges#failed} with the reason, and cancels nothing.
	 */
	ListingChanges fetchChanges(ChannelCredentials credentials, ChannelListing listing, SyncCursor cursor);

	/**
	 * The same within a time limit, which a connector that works through what a peer sent
	 * (a feed's events, pages of reservations) checks as it goes, giving up with
	 * {@link ListingChanges#failed} once it passes; or it may let
	 * {@link io.staysync.common.TimeLimit.TimeLimitExceeded} escape. The sync engine
	 * stops waiting at the limit either way; checking it is what keeps an abandoned fetch
	 * from working on for nothing.
	 */
	default ListingChanges fetchChanges(ChannelCredentials credentials, ChannelListing listing, SyncCursor cursor,
			TimeLimit limit) {
		return fetchChanges(credentials, listing, cursor);
	}

	/**
	 * Whether this connector delivers messages ({@link #pullMessages}) instead of
	 * per-listing changes.
	 */
	default boolean pullsMessages() {
		return false;
	}

	/**
	 * Every message waiting for these credentials, whatever listing it is for; the same
	 * ones again until they are acknowledged. Must not throw for a failing peer.
	 */
	default MessagePull pullMessages(ChannelCredentials credentials) {
		return MessagePull.failed("The " + credentials.type().path() + " connector in " + credentials.mode().json()
				+ " mode does not deliver messages.", List.of());
	}

	/**
	 * Takes messages whose bookings were committed off the channel's queue. Never
	 * retried: a message not taken comes back with the next pull. Must not throw for a
	 * failing peer.
	 */
	default Acknowledgement acknowledge(ChannelCredentials credentials, List<ChannelMessage> committed) {
		return Acknowledgement.nothing();
	}

	/**
	 * How often scheduled syncs run when the channel sets the pace (a pulled queue),
	 * instead of the integration's interval in minutes.
	 */
	default Optional<Duration> pollInterval() {
		return Optional.empty();
	}

	/**
	 * Re-reads one reservation by the channel's reference (an Airbnb confirmation code),
	 * to trust a notification only for what the channel itself says. Must not throw for a
	 * failing peer.
	 */
	default ReservationLookup fetchReservation(ChannelCredentials credentials, String reference) {
		return ReservationLookup.failed("The " + credentials.type().path() + " connector in "
				+ credentials.mode().json() + " mode does not read single reservations.");
	}

	/**
	 * Whether {@link #listAccountListings} can answer at all, so that the console offers
	 * the account's listings to pick from instead of only a field to type an id into.
	 */
	default boolean listsAccountListings() {
		return false;
	}

	/**
	 * The listings of the connected account, for mapping them to properties. Must not
	 * throw for a failing peer.
	 */
	default AccountListings listAccountListings(ChannelCredentials credentials) {
		return AccountListings.failed("The " + credentials.type().path() + " connector in " + credentials.mode().json()
				+ " mode cannot list the account's listings.");
	}

	/**
	 * Sends a property's availability over a window of nights to one mapped listing. Must
	 * not throw for a failing peer: a failure is {@link AvailabilityPush#failed} with the
	 * reason, and the push is retried later with the whole window.
	 */
	default AvailabilityPush pushAvailability(ChannelCredentials credentials, ChannelListing listing,
			AvailabilityWindow window) {
		return AvailabilityPush.notSupported("The " + credentials.type().path() + " connector in "
				+ credentials.mode().json() + " mode does not push availability.");
	}

}

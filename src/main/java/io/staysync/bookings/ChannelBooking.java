package io.staysync.bookings;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * A booking as a channel reports it, already mapped to a property. {@code externalId} is
 * the channel's stable key (confirmation code or iCal UID), unique within the integration
 * or only within the listing as {@code keyScope} says (see {@link #key()}).
 *
 * @param status {@code CANCELLED} when the channel says the booking is cancelled
 * @param rawPayloadRef where the channel's original payload is kept, if anywhere
 * @param externalReference the channel's own reference when it differs from the key (an
 * Airbnb confirmation code found in an iCal event whose key is its UID)
 * @param guestEmail the guest's e-mail address as the channel relays it (often a channel
 * alias), or {@code null}
 * @param guestPhone the guest's phone number as the channel sends it, or {@code null}
 * @param keyScope where {@code externalId} is unique: {@link KeyScope#LISTING} for a UID
 * read from a listing's iCal feed, {@link KeyScope#CHANNEL} for an API reservation id
 */
public record ChannelBooking(UUID integrationId, BookingSource source, String externalId, String externalListingId,
		UUID propertyId, BookingKind kind, BookingStatus status, LocalDate checkIn, LocalDate checkOut,
		String guestName, Integer adults, Integer children, BigDecimal totalAmount, String currency,
		String rawPayloadRef, String externalReference, String guestEmail, String guestPhone, KeyScope keyScope) {

	/** The longest guest name a booking keeps; a longer one is cut, ending in "…". */
	public static final int MAX_GUEST_NAME = 200;

	/** The longest channel reference a booking keeps; a longer one is cut. */
	public static final int MAX_EXTERNAL_REFERENCE = 100;

	/** The longest payload reference a booking keeps; a longer one is cut. */
	public static final int MAX_RAW_PAYLOAD_REF = 500;

	/**
	 * A record whose free texts fit what a booking keeps: whatever a channel sends (a
	 * guest name of a thousand characters included), the booking is stored rather than
	 * its listing failing on every sync. (The guest's contact details are checked, and
	 * dropped when unusable, by the import, which says so.)
	 */
	public ChannelBooking {
		Objects.requireNonNull(keyScope, "keyScope");
		guestName = cut(guestName, MAX_GUEST_NAME, "…");
		externalReference = cut(externalReference, MAX_EXTERNAL_REFERENCE, "");
		rawPayloadRef = cut(rawPayloadRef, MAX_RAW_PAYLOAD_REF, "");
	}

	/** {@code text} within {@code max} characters, never splitting a surrogate pair. */
	private static String cut(String text, int max, String ellipsis) {
		if (text == null || text.length() <= max) {
			return text;
		}
		int end = max - ellipsis.length();
		if (Character.isHighSurrogate(text.charAt(end - 1))) {
			end--;
		}
		return text.substring(0, end) + ellipsis;
	}

	/**
	 * A record whose key is unique across the channel (an API reservation id), as every
	 * record was before iCal UIDs were keyed per listing.
	 */
	public ChannelBooking(UUID integrationId, BookingSource source, String externalId, String externalListingId,
			UUID propertyId, BookingKind kind, BookingStatus status, LocalDate checkIn, LocalDate checkOut,
			String guestName, Integer adults, Integer children, BigDecimal totalAmount, String currency,
			String rawPayloadRef, String externalReference, String guestEmail, String guestPhone) {
		this(integrationId, source, externalId, externalListingId, propertyId, kind, status, checkIn, checkOut,
				guestName, adults, children, totalAmount, currency, rawPayloadRef, externalReference, guestEmail,
				guestPhone, KeyScope.CHANNEL);
	}

	/** What identifies the booking this record is about. */
	public ChannelKey key() {
		return keyScope == KeyScope.LISTING ? ChannelKey.inListing(integrationId, externalListingId, externalId)
				: ChannelKey.channelWide(integrationId, externalId);
	}

	/** The same record with other contact details, amount and currency. */
	public ChannelBooking with(String guestEmail, String guestPhone, BigDecimal totalAmount, String currency) {
		return new ChannelBooking(integrationId, source, externalId, externalListingId, propertyId, kind, status,
				checkIn, checkOut, guestName, adults, children, totalAmount, currency, rawPayloadRef, externalReference,
				guestEmail, guestPhone, keyScope);
	}

	/** A record without the guest's contact details. */
	public ChannelBooking(UUID integrationId, BookingSource source, String externalId, String externalListingId,
			UUID propertyId, BookingKind kind, BookingStatus status, LocalDate checkIn, LocalDate checkOut,
			String guestName, Integer adults, Integer children, BigDecimal totalAmount, String currency,
			String rawPayloadRef, String externalReference) {
		this(integrationId, source, externalId, externalListingId, propertyId, kind, status, checkIn, checkOut,
				guestName, adults, children, totalAmount, currency, rawPayloadRef, externalReference, null, null);
	}

	/**
	 * The record without the guest's contact details (said present or not): they are
	 * personal data, and a record that ends up in a log line or an exception must not
	 * carry them there.
	 */
	@Override
	public String toString() {
		return "ChannelBooking[integrationId=" + integrationId + ", source=" + source + ", externalId=" + externalId
				+ ", externalListingId=" + externalListingId + ", propertyId=" + propertyId + ", kind=" + kind
				+ ", status=" + status + ", checkIn=" + checkIn + ", checkOut=" + checkOut + ", guestName=" + guestName
				+ ", adults=" + adults + ", children=" + children + ", totalAmount=" + totalAmount + ", currency="
				+ currency + ", rawPayloadRef=" + rawPayloadRef + ", externalReference=" + externalReference
				+ ", guestEmail=" + (guestEmail == null ? "none" : "given") + ", guestPhone="
				+ (guestPhone == null ? "none" : "given") + ", keyScope=" + keyScope + "]";
	}

	/** A record whose key is also its reference. */
	public ChannelBooking(UUID integrationId, BookingSource source, String externalId, String externalListingId,
			UUID propertyId, BookingKind kind, BookingStatus status, LocalDate checkIn, LocalDate checkOut,
			String guestName, Integer adults, Integer children, BigDecimal totalAmount, String currency,
			String rawPayloadRef) {
		this(integrationId, source, externalId, externalListingId, propertyId, kind, status, checkIn, checkOut,
				guestName, adults, children, totalAmount, currency, rawPayloadRef, null);
	}

}

package io.staysync.channels;

import java.time.LocalDate;

/**
 * A stay of a message on a channel listing that no property is mapped to: what a manager
 * needs to see to map it (the listing, and the nights it would fill).
 *
 * @param externalListingId the channel's listing ({@code HOTELCODE-ROOMTYPECODE} on
 * Booking.com)
 * @param checkIn the first night
 * @param checkOut the departure day
 */
public record UnmappedStay(String externalListingId, LocalDate checkIn, LocalDate checkOut) {

}

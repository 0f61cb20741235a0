package io.staysync.integrations;

import java.time.LocalDate;

/**
 * A reservation the channel keeps delivering that the sync engine holds back, neither
 * applied nor acknowledged, because one of its rooms is on a listing no property is
 * mapped to: what a manager needs to map it.
 *
 * @param externalListingId the listing to map ({@code HOTELCODE-ROOMTYPECODE} on
 * Booking.com)
 * @param reference the channel's reservation number
 * @param checkIn the first night of its stay on that listing
 * @param checkOut the departure day
 */
public record WaitingReservation(String externalListingId, String reference, LocalDate checkIn, LocalDate checkOut) {

}

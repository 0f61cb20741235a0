package io.staysync.bookings;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.staysync.bookings.FeedMisses.Misses;
import io.staysync.bookings.ImportOutcome.Result;
import io.staysync.test.ApiIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What identifies an imported booking: an iCal UID within its listing, an API reservation
 * id across the channel.
 */
class BookingIdentityIntegrationTests extends ApiIntegrationTest {

	static final LocalDate D = LocalDate.of(2027, 5, 10);

	@Autowired
	BookingImport imports;

	@Autowired
	FeedMisses feeds;

	final UUID integration = UUID.randomUUID();

	UUID cottage;

	UUID loft;

	@BeforeEach
	void properties() throws Exception {
		cottage = UUID.fromString(createProperty("Cottage", "Europe/Lisbon", 4));
		loft = UUID.fromString(createProperty("Loft", "Europe/Lisbon", 4));
	}

	@Test
	void theSameUidInTwoListingsIsTwoBookingsEachKeptOnItsProperty() {
		ImportOutcome inCottage = imports.apply(feedEvent("1@host", "cottage", cottage, D));
		ImportOutcome inLoft = imports.apply(feedEvent("1@host", "loft", loft, D.plusDays(20)));
		ImportOutcome cottageAgain = imports.apply(feedEvent("1@host", "cottage", cottage, D));

		assertThat(inCottage.result()).isEqualTo(Result.CREATED);
		assertThat(inLoft.result()).isEqualTo(Result.CREATED);
		assertThat(inLoft.bookingId()).isNotEqualTo(inCottage.bookingId());
		assertThat(cottageAgain.result()).isEqualTo(Result.UNCHANGED);
		assertThat(propertyOf(inCottage)).isEqualTo(cottage);
		assertThat(propertyOf(inLoft)).isEqualTo(loft);
		assertThat(imports.cancel(ChannelKey.inListing(integration, "loft", "1@host")).result())
			.isEqualTo(Result.CANCELLED);
		assertThat(statusOf(inCottage)).isEqualTo("CONFIRMED");
	}

	@Test
	void aReservationTheChannelMovesToAnotherRoomUpdatesItsOneBooking() {
		ImportOutcome booked = imports.apply(reservation("4711-1", "room-a", cottage));

		ImportOutcome moved = imports.apply(reservation("4711-1", "room-b", loft));

		assertThat(moved.result()).isEqualTo(Result.UPDATED);
		assertThat(moved.bookingId()).isEqualTo(booked.bookingId());
		assertThat(moved.changes()).contains("propertyId", "externalListingId");
		assertThat(count("bookings where integration_id = '" + integration + "'")).isEqualTo(1);
		assertThat(propertyOf(moved)).isEqualTo(loft);
	}

	@Test
	void aUidMissingFromOneListingsFeedsIsCancelledThereOnly() {
		ImportOutcome inCottage = imports.apply(feedEvent("1@host", "cottage", cottage, D));
		ImportOutcome inLoft = imports.apply(feedEvent("1@host", "loft", loft, D));
		LocalDate from = D.minusDays(30);
		LocalDate to = D.plusYears(1);

		Misses first = feeds.completeFeed(integration, "cottage", Set.of(), from, to);
		// the loft's feed still carries it: that says nothing about the cottage's booking
		feeds.completeFeed(integration, "loft", Set.of("1@host"), from, to);
		Misses second = feeds.unchangedFeed(integration, "cottage", from, to);

		assertThat(first.pending()).containsExactly("1@host");
		assertThat(second.cancelled()).extracting(ImportOutcome::bookingId).containsExactly(inCottage.bookingId());
		assertThat(statusOf(inCottage)).isEqualTo("CANCELLED");
		assertThat(statusOf(inLoft)).isEqualTo("CONFIRMED");
		assertThat(feeds.unchangedFeed(integration, "loft", from, to).cancelled()).isEmpty();
	}

	private ChannelBooking feedEvent(String uid, String listing, UUID property, LocalDate checkIn) {
		return new ChannelBooking(integration, BookingSource.ICAL, uid, listing, property, BookingKind.RESERVATION,
				BookingStatus.CONFIRMED, checkIn, checkIn.plusDays(3), null, null, null, null, null, null, null, null,
				null, KeyScope.LISTING);
	}

	private ChannelBooking reservation(String id, String room, UUID property) {
		return new ChannelBooking(integration, BookingSource.BOOKING_COM, id, room, property, BookingKind.RESERVATION,
				BookingStatus.CONFIRMED, D, D.plusDays(2), "Ana Sousa", 2, 0, null, null, null, "4711", null, null,
				KeyScope.CHANNEL);
	}

	private UUID propertyOf(ImportOutcome outcome) {
		return jdbc.sql("select property_id from bookings where id = :id")
			.param("id", outcome.bookingId())
			.query(UUID.class)
			.single();
	}

	private String statusOf(ImportOutcome outcome) {
		return jdbc.sql("select status from bookings where id = :id")
			.param("id", outcome.bookingId())
			.query(String.class)
			.single();
	}

}

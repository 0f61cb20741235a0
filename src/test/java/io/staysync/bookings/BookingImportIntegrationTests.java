package io.staysync.bookings;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import io.staysync.bookings.FeedMisses.Misses;
import io.staysync.bookings.ImportOutcome.Result;
import io.staysync.common.InvalidInputException;
import io.staysync.common.UnprocessableException;
import io.staysync.test.ApiIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@RecordApplicationEvents
@ExtendWith(OutputCaptureExtension.class)
class BookingImportIntegrationTests extends ApiIntegrationTest {

	static final LocalDate D = LocalDate.of(2027, 4, 10);

	@Autowired
	BookingImport imports;

	@Autowired
	FeedMisses feeds;

	@Autowired
	ApplicationEvents events;

	final UUID integration = UUID.randomUUID();

	UUID property;

	@BeforeEach
	void property() throws Exception {
		property = UUID.fromString(createProperty("Imported Flat", "America/New_York", 4));
	}

	@Test
	void applyingTheSameRecordTwiceStoresOneRowAndReportsUnchanged() {
		ChannelBooking record = reservation("HMABC123", D, D.plusDays(3));

		ImportOutcome first = imports.apply(record);
		ImportOutcome second = imports.apply(record);

		assertThat(first.result()).isEqualTo(Result.CREATED);
		assertThat(second.result()).isEqualTo(Result.UNCHANGED);
		assertThat(second.bookingId()).isEqualTo(first.bookingId());
		assertThat(rows("HMABC123")).isEqualTo(1);
		assertThat(events.stream(BookingCreated.class)).hasSize(1);
		assertThat(events.stream(BookingUpdated.class)).isEmpty();
	}

	@Test
	void changedDatesUnderTheSameKeyUpdateTheBookingAndSayWhatChanged() {
		ImportOutcome created = imports.apply(reservation("HMMOVE", D, D.plusDays(3)));

		ImportOutcome moved = imports.apply(reservation("HMMOVE", D.plusDays(1), D.plusDays(3)));

		assertThat(moved.result()).isEqualTo(Result.UPDATED);
		assertThat(moved.changes()).containsExactly("checkIn");
		assertThat(moved.bookingId()).isEqualTo(created.bookingId());
		assertThat(rows("HMMOVE")).isEqualTo(1);
		BookingUpdated event = events.stream(BookingUpdated.class).findFirst().orElseThrow();
		assertThat(event.previousCheckIn()).isEqualTo(D);
		assertThat(event.booking().checkIn()).isEqualTo(D.plusDays(1));
	}

	@Test
	void aCancellationReportsCancelledOnceThenUnchanged() {
		imports.apply(reservation("HMCANCEL", D, D.plusDays(2)));

		ImportOutcome cancelled = imports
			.apply(withStatus(reservation("HMCANCEL", D, D.plusDays(2)), BookingStatus.CANCELLED));
		ImportOutcome again = imports
			.apply(withStatus(reservation("HMCANCEL", D, D.plusDays(2)), BookingStatus.CANCELLED));
		ImportOutcome byKey = imports.cancel(ChannelKey.channelWide(integration, "HMCANCEL"));

		assertThat(cancelled.result()).isEqualTo(Result.CANCELLED);
		assertThat(again.result()).isEqualTo(Result.UNCHANGED);
		assertThat(byKey.result()).isEqualTo(Result.UNCHANGED);
		assertThat(events.stream(BookingCancelled.class)).hasSize(1);
		assertThat(imports.cancel(ChannelKey.channelWide(integration, "NEVER-SEEN")).result())
			.isEqualTo(Result.UNCHANGED);
	}

	@Test
	void aBookingMissingFromTwoConsecutiveCompleteFeedsIsCancelledAndReappearingResetsTheCount() {
		imports.apply(reservation("HMSTAYS", D, D.plusDays(2)));
		imports.apply(reservation("HMVANISHES", D.plusDays(3), D.plusDays(5)));
		LocalDate from = D.minusDays(30);
		LocalDate to = D.plusYears(1);

		Misses first = feeds.completeFeed(integration, "L1", Set.of("HMSTAYS"), from, to);
		assertThat(first.cancelled()).isEmpty();
		assertThat(first.pending()).containsExactly("HMVANISHES");

		// Back in the next feed: the count starts again, so the next miss is a first
		// miss.
		feeds.completeFeed(integration, "L1", Set.of("HMSTAYS", "HMVANISHES"), from, to);
		Misses again = feeds.completeFeed(integration, "L1", Set.of("HMSTAYS"), from, to);
		assertThat(again.cancelled()).isEmpty();
		assertThat(again.pending()).containsExactly("HMVANISHES");
		assertThat(statusOf("HMVANISHES")).isEqualTo("CONFIRMED");

		// "Not modified" confirms the last complete feed: its second miss.
		Misses second = feeds.unchangedFeed(integration, "L1", from, to);
		assertThat(second.cancelled()).extracting(ImportOutcome::result).containsExactly(Result.CANCELLED);
		assertThat(second.pending()).isEmpty();
		assertThat(statusOf("HMVANISHES")).isEqualTo("CANCELLED");
		assertThat(statusOf("HMSTAYS")).isEqualTo("CONFIRMED");
		assertThat(events.stream(BookingCancelled.class)).hasSize(1);

		// Nothing is pending any more: a further unchanged feed cancels nothing.
		assertThat(feeds.unchangedFeed(integration, "L1", from, to).cancelled()).isEmpty();
	}

	private String statusOf(String externalId) {
		return jdbc.sql("select status from bookings where external_id = :e")
			.param("e", externalId)
			.query(String.class)
			.single();
	}

	@Test
	void cancellingByKeyFreesTheNights() {
		imports.apply(reservation("UID-GONE@airbnb.com", D, D.plusDays(2)));

		assertThat(imports.cancel(ChannelKey.channelWide(integration, "UID-GONE@airbnb.com")).result())
			.isEqualTo(Result.CANCELLED);
		assertThat(jdbc.sql("select status from bookings where external_id = 'UID-GONE@airbnb.com'")
			.query(String.class)
			.single()).isEqualTo("CANCELLED");
	}

	@Test
	void anOverlappingImportIsStoredAndRecordedAsAConflictNeverRefused() throws Exception {
		String manual = createBooking(property.toString(), D.toString(), D.plusDays(2).toString(), false);

		ImportOutcome imported = imports.apply(reservation("HMDOUBLE", D.plusDays(1), D.plusDays(4)));

		assertThat(imported.result()).isEqualTo(Result.CREATED);
		assertThat(imported.conflictsDetected()).isEqualTo(1);
		ConflictDetected detected = events.stream(ConflictDetected.class).findFirst().orElseThrow();
		assertThat(detected.propertyId()).isEqualTo(property);
		assertThat(java.util.List.of(detected.bookingId(), detected.otherBookingId()))
			.containsExactlyInAnyOrder(imported.bookingId(), UUID.fromString(manual));
		mvc.perform(asAdmin(get("/api/conflicts?propertyId=" + property)))
			.andExpect(jsonPath("$.totalElements").value(1));

		assertThat(imports.apply(reservation("HMDOUBLE", D.plusDays(1), D.plusDays(4))).conflictsDetected()).isZero();
		imports.apply(reservation("HMDOUBLE", D.plusDays(2), D.plusDays(4)));
		mvc.perform(asAdmin(get("/api/conflicts?propertyId=" + property)))
			.andExpect(jsonPath("$.totalElements").value(0));
		assertThat(events.stream(ConflictResolved.class)).hasSize(1);
	}

	@Test
	void importedBlocksDoNotConflictBecauseChannelsEchoOurOwnExports() throws Exception {
		imports.apply(reservation("HMREAL", D, D.plusDays(3)));

		ImportOutcome echo = imports
			.apply(new ChannelBooking(integration, BookingSource.AIRBNB, "block-1", "L1", property, BookingKind.BLOCK,
					BookingStatus.CONFIRMED, D, D.plusDays(3), null, null, null, null, null, null));

		assertThat(echo.conflictsDetected()).isZero();
		mvc.perform(asAdmin(get("/api/conflicts?propertyId=" + property)))
			.andExpect(jsonPath("$.totalElements").value(0));
	}

	@Test
	void theChannelsBookingIsStoredEvenWhenItsAmountCannotBe() {
		ChannelBooking oddCurrency = new ChannelBooking(integration, BookingSource.BOOKING_COM, "BDC-1", "room",
				property, BookingKind.RESERVATION, BookingStatus.CONFIRMED, D, D.plusDays(1), "Guest", 9, 0,
				new BigDecimal("100"), "ZZZ", null);

		ImportOutcome outcome = imports.apply(oddCurrency);

		assertThat(outcome.result()).as("over capacity and unknown currency are facts, not errors")
			.isEqualTo(Result.CREATED);
		assertThat(jdbc.sql(
				"select count(*) from bookings where external_id = 'BDC-1' and total_amount is null and currency is null")
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(imports.apply(oddCurrency).result()).isEqualTo(Result.UNCHANGED);
	}

	@Test
	void amountsWithMoreDecimalsThanStoredAreRoundedOnceNotUpdatedForever() {
		ChannelBooking precise = new ChannelBooking(integration, BookingSource.BOOKING_COM, "BDC-2", "room", property,
				BookingKind.RESERVATION, BookingStatus.CONFIRMED, D, D.plusDays(1), "Guest", 2, 0,
				new BigDecimal("99.123456"), "EUR", null);

		assertThat(imports.apply(precise).result()).isEqualTo(Result.CREATED);
		assertThat(imports.apply(precise).result()).isEqualTo(Result.UNCHANGED);
	}

	@Test
	void recordsThatCannotBeStoredAreRefusedWithAReasonAndWriteNothing() {
		long before = count("bookings");

		assertThatThrownBy(() -> imports.apply(reservation("HMBAD", D, D))).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("checkOut");
		assertThatThrownBy(() -> imports.apply(reservation(" ", D, D.plusDays(1))))
			.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> imports.apply(new ChannelBooking(integration, BookingSource.AIRBNB, "HMNOPROP", "L1",
				UUID.randomUUID(), BookingKind.RESERVATION, BookingStatus.CONFIRMED, D, D.plusDays(1), null, null, null,
				null, null, null)))
			.isInstanceOf(UnprocessableException.class);

		assertThat(count("bookings")).isEqualTo(before);
	}

	@Test
	void aGuestNameLongerThanStoredIsCutAndTheBookingStoredUnchangedOnTheNextSync() {
		String name = "Ana ".repeat(120) + "\uD83D\uDE00";
		ChannelBooking longName = new ChannelBooking(integration, BookingSource.AIRBNB, "HMLONGNAME", "L1", property,
				BookingKind.RESERVATION, BookingStatus.CONFIRMED, D, D.plusDays(1), name, 2, 0, null, null, null,
				"R".repeat(300));

		assertThat(imports.apply(longName).result()).isEqualTo(Result.CREATED);
		String stored = jdbc.sql("select guest_name from bookings where external_id = 'HMLONGNAME'")
			.query(String.class)
			.single();
		assertThat(stored).hasSize(ChannelBooking.MAX_GUEST_NAME).startsWith("Ana Ana").endsWith("…");
		assertThat(imports.apply(longName).result()).isEqualTo(Result.UNCHANGED);
	}

	@Test
	void aStayOutsideAnyRealCalendarIsRefusedAloneWithAReason() {
		long before = count("bookings");

		assertThatThrownBy(() -> imports
			.apply(reservation("HMFAR", LocalDate.of(999_999_999, 1, 1), LocalDate.of(999_999_999, 1, 3))))
			.isInstanceOfSatisfying(InvalidInputException.class,
					refused -> assertThat(refused.problems()).anySatisfy(problem -> {
						assertThat(problem.field()).isEqualTo("checkIn");
						assertThat(problem.message()).contains("1900-01-01", "9999-12-31");
					}));
		assertThatThrownBy(() -> imports.apply(reservation("HMANCIENT", LocalDate.of(1, 1, 1), LocalDate.of(1, 1, 3))))
			.isInstanceOf(InvalidInputException.class);

		assertThat(count("bookings")).isEqualTo(before);
	}

	@Test
	void aChannelBookingCannotBeCancelledHere() throws Exception {
		ImportOutcome imported = imports.apply(reservation("HMKEEP", D, D.plusDays(1)));

		mvc.perform(asAdmin(post("/api/bookings/" + imported.bookingId() + "/cancel")))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("cancel it on that channel")));
	}

	@Test
	void cancelOthersCancelsTheRoomsAReservationNoLongerListsAndNothingElse() {
		imports.apply(reservation("4001-1", D, D.plusDays(2)));
		imports.apply(reservation("4001-2", D.plusDays(3), D.plusDays(5)));
		imports.apply(reservation("40011-1", D.plusDays(9), D.plusDays(11)));

		var wildcard = imports.cancelOthers(integration, "400_-", Set.of());
		var cancelled = imports.cancelOthers(integration, "4001-", Set.of("4001-1"));
		var again = imports.cancelOthers(integration, "4001-", Set.of("4001-1"));

		assertThat(wildcard).as("'_' in a prefix is not a wildcard").isEmpty();
		assertThat(cancelled).extracting(BookingImport.Cancellation::externalId).containsExactly("4001-2");
		assertThat(cancelled.get(0).externalListingId()).isEqualTo("L1");
		assertThat(cancelled.get(0).outcome().result()).isEqualTo(Result.CANCELLED);
		assertThat(again).as("a second delivery cancels nothing more").isEmpty();
		assertThat(statusOf("4001-1")).isEqualTo("CONFIRMED");
		assertThat(statusOf("4001-2")).isEqualTo("CANCELLED");
		assertThat(statusOf("40011-1")).isEqualTo("CONFIRMED");
		assertThat(events.stream(BookingCancelled.class)).hasSize(1);
	}

	@Test
	void theGuestsContactDetailsAreStoredShownAndAChangeIsAnUpdate() throws Exception {
		ImportOutcome created = imports.apply(withContact(reservation("HMCONTACT", D, D.plusDays(2)),
				"ana.482913@guest.airbnb.com", "+34 600 123 456"));
		ImportOutcome again = imports.apply(withContact(reservation("HMCONTACT", D, D.plusDays(2)),
				"ana.482913@guest.airbnb.com", "+34 600 123 456"));
		mvc.perform(asAdmin(get("/api/bookings/" + created.bookingId())))
			.andExpect(jsonPath("$.guestEmail").value("ana.482913@guest.airbnb.com"))
			.andExpect(jsonPath("$.guestPhone").value("+34 600 123 456"));

		ImportOutcome newAlias = imports.apply(
				withContact(reservation("HMCONTACT", D, D.plusDays(2)), "ana.777@guest.airbnb.com", "+34 600 123 456"));
		ImportOutcome withheld = imports.apply(withContact(reservation("HMCONTACT", D, D.plusDays(2)), null, null));

		assertThat(created.result()).isEqualTo(Result.CREATED);
		assertThat(again.result()).isEqualTo(Result.UNCHANGED);
		assertThat(newAlias.result()).isEqualTo(Result.UPDATED);
		assertThat(newAlias.changes()).containsExactly("guestEmail");
		assertThat(events.stream(BookingUpdated.class)).singleElement()
			.satisfies(updated -> assertThat(updated.changes()).containsExactly("guestEmail"));
		assertThat(withheld.result()).as("a channel withholding the details later does not erase them")
			.isEqualTo(Result.UNCHANGED);
		assertThat(contactOf("HMCONTACT")).isEqualTo("ana.777@guest.airbnb.com +34 600 123 456");
		assertThat(events.stream(BookingUpdated.class).map(Object::toString)).as("events name fields, not values")
			.noneMatch(event -> event.contains("ana.777"));
		assertThat(withContact(reservation("HMCONTACT", D, D.plusDays(2)), "ana.777@guest.airbnb.com", null))
			.as("a record in a log line keeps the details out")
			.asString()
			.contains("guestEmail=given", "guestPhone=none")
			.doesNotContain("ana.777");
	}

	@Test
	void hostileContactDetailsAreDroppedWithAWarningThatDoesNotEchoThemAndTheBookingIsStored(CapturedOutput output) {
		String forged = "ana@example.com\n2027-01-01 INFO Admin password reset";
		String oversized = "a".repeat(250) + "@example.com";
		String escape = "+34 600\u001b[2J123";
		String bidi = "\u202e654 321 006 43+";

		ImportOutcome first = imports.apply(withContact(reservation("HMHOSTILE1", D, D.plusDays(1)), forged, escape));
		ImportOutcome second = imports
			.apply(withContact(reservation("HMHOSTILE2", D.plusDays(2), D.plusDays(3)), oversized, bidi));
		ImportOutcome padded = imports
			.apply(withContact(reservation("HMHOSTILE3", D.plusDays(4), D.plusDays(5)), "  ok@example.com\t", " \t "));

		assertThat(first.result()).isEqualTo(Result.CREATED);
		assertThat(second.result()).isEqualTo(Result.CREATED);
		assertThat(contactOf("HMHOSTILE1")).isEqualTo("null null");
		assertThat(contactOf("HMHOSTILE2")).isEqualTo("null null");
		assertThat(contactOf("HMHOSTILE3")).as("trimmed, and blank is none").isEqualTo("ok@example.com null");
		assertThat(padded.result()).isEqualTo(Result.CREATED);
		assertThat(output).contains("Dropping the guest's e-mail address of channel booking HMHOSTILE1",
				"Dropping the guest's phone number of channel booking HMHOSTILE1",
				"Dropping the guest's e-mail address of channel booking HMHOSTILE2", "must be at most 254 characters");
		assertThat(output).doesNotContain("Admin password reset", "\u001b[2J", "\u202e", oversized, "ok@example.com");

		ImportOutcome later = imports
			.apply(withContact(reservation("HMHOSTILE3", D.plusDays(4), D.plusDays(5)), forged, null));
		assertThat(later.result()).as("a value dropped later keeps the one stored").isEqualTo(Result.UNCHANGED);
		assertThat(contactOf("HMHOSTILE3")).isEqualTo("ok@example.com null");
	}

	@Test
	void aTentativeBookingIsConfirmedThenCancelledWithTheUsualEventsAndIsNeverAConflictUntilConfirmed()
			throws Exception {
		String manual = createBooking(property.toString(), D.toString(), D.plusDays(2).toString(), false);

		ImportOutcome requested = imports
			.apply(withStatus(reservation("HMPENDING", D.plusDays(1), D.plusDays(3)), BookingStatus.TENTATIVE));
		assertThat(requested.result()).isEqualTo(Result.CREATED);
		assertThat(requested.conflictsDetected()).as("a tentative booking is never one side of a conflict").isZero();
		assertThat(statusOf("HMPENDING")).isEqualTo("TENTATIVE");
		assertThat(events.stream(BookingCreated.class).map(created -> created.booking().bookingId()))
			.contains(requested.bookingId());
		assertThat(imports
			.apply(withStatus(reservation("HMPENDING", D.plusDays(1), D.plusDays(3)), BookingStatus.TENTATIVE))
			.result()).isEqualTo(Result.UNCHANGED);

		ImportOutcome accepted = imports.apply(reservation("HMPENDING", D.plusDays(1), D.plusDays(3)));
		assertThat(accepted.result()).isEqualTo(Result.UPDATED);
		assertThat(accepted.changes()).containsExactly("status");
		assertThat(accepted.conflictsDetected()).as("confirmed, it clashes with the manual booking").isOne();
		assertThat(events.stream(BookingUpdated.class)).singleElement().satisfies(updated -> {
			assertThat(updated.booking().bookingId()).isEqualTo(requested.bookingId());
			assertThat(updated.changes()).containsExactly("status");
		});
		ConflictDetected detected = events.stream(ConflictDetected.class).findFirst().orElseThrow();
		assertThat(java.util.List.of(detected.bookingId(), detected.otherBookingId()))
			.containsExactlyInAnyOrder(requested.bookingId(), UUID.fromString(manual));

		ImportOutcome declined = imports
			.apply(withStatus(reservation("HMPENDING", D.plusDays(1), D.plusDays(3)), BookingStatus.CANCELLED));
		assertThat(declined.result()).isEqualTo(Result.CANCELLED);
		assertThat(events.stream(BookingCancelled.class)).singleElement()
			.satisfies(cancelled -> assertThat(cancelled.booking().bookingId()).isEqualTo(requested.bookingId()));
		assertThat(events.stream(ConflictResolved.class)).hasSize(1);
		mvc.perform(asAdmin(get("/api/conflicts?propertyId=" + property)))
			.andExpect(jsonPath("$.totalElements").value(0));
	}

	@Test
	void aTentativeRequestDeclinedStraightAwayIsACancellationAndOneMissingFromFeedsIsCancelledToo() {
		imports.apply(withStatus(reservation("HMDECLINED", D, D.plusDays(2)), BookingStatus.TENTATIVE));
		imports.apply(withStatus(reservation("HMTIMEOUT", D.plusDays(3), D.plusDays(5)), BookingStatus.TENTATIVE));
		LocalDate from = D.minusDays(30);
		LocalDate to = D.plusYears(1);

		assertThat(imports.apply(withStatus(reservation("HMDECLINED", D, D.plusDays(2)), BookingStatus.CANCELLED))
			.result()).isEqualTo(Result.CANCELLED);
		feeds.completeFeed(integration, "L1", Set.of(), from, to);
		Misses second = feeds.completeFeed(integration, "L1", Set.of(), from, to);

		assertThat(second.cancelled()).extracting(ImportOutcome::result).containsExactly(Result.CANCELLED);
		assertThat(statusOf("HMTIMEOUT")).isEqualTo("CANCELLED");
		assertThat(events.stream(BookingCancelled.class)).hasSize(2);
	}

	ChannelBooking reservation(String externalId, LocalDate checkIn, LocalDate checkOut) {
		return new ChannelBooking(integration, BookingSource.AIRBNB, externalId, "L1", property,
				BookingKind.RESERVATION, BookingStatus.CONFIRMED, checkIn, checkOut, "Guest Name", 2, 0,
				new BigDecimal("250.00"), "USD", null);
	}

	static ChannelBooking withStatus(ChannelBooking b, BookingStatus status) {
		return new ChannelBooking(b.integrationId(), b.source(), b.externalId(), b.externalListingId(), b.propertyId(),
				b.kind(), status, b.checkIn(), b.checkOut(), b.guestName(), b.adults(), b.children(), b.totalAmount(),
				b.currency(), b.rawPayloadRef());
	}

	static ChannelBooking withContact(ChannelBooking b, String email, String phone) {
		return new ChannelBooking(b.integrationId(), b.source(), b.externalId(), b.externalListingId(), b.propertyId(),
				b.kind(), b.status(), b.checkIn(), b.checkOut(), b.guestName(), b.adults(), b.children(),
				b.totalAmount(), b.currency(), b.rawPayloadRef(), b.externalReference(), email, phone);
	}

	private String contactOf(String externalId) {
		return jdbc.sql("select guest_email, guest_phone from bookings where external_id = :e")
			.param("e", externalId)
			.query((row, n) -> row.getString(1) + " " + row.getString(2))
			.single();
	}

	long rows(String externalId) {
		return jdbc.sql("select count(*) from bookings where external_id = :e")
			.param("e", externalId)
			.query(Long.class)
			.single();
	}

}

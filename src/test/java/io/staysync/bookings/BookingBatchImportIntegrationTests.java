package io.staysync.bookings;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import io.staysync.bookings.BookingImport.Applied;
import io.staysync.bookings.ImportOutcome.Result;
import io.staysync.common.DomainException;
import io.staysync.test.ApiIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A listing's records applied together ({@link BookingImport#applyAll}) do what applying
 * them one after another does: the same outcomes, the same refusals, the same events, and
 * nothing written or published for what did not change.
 */
@RecordApplicationEvents
class BookingBatchImportIntegrationTests extends ApiIntegrationTest {

	static final LocalDate D = LocalDate.of(2027, 6, 7);

	@Autowired
	BookingImport imports;

	@Autowired
	ApplicationEvents events;

	final UUID integration = UUID.randomUUID();

	UUID oneByOne;

	UUID together;

	@BeforeEach
	void properties() throws Exception {
		oneByOne = UUID.fromString(createProperty("One by one", "Europe/Lisbon", 4));
		together = UUID.fromString(createProperty("Together", "Europe/Lisbon", 4));
	}

	@Test
	void newChangedUnchangedAndInvalidRecordsEndAsAppliedOneByOne() {
		List<String> first = outcomes(firstFeed("solo", oneByOne), this::oneAfterAnother);
		assertThat(outcomes(firstFeed("batch", together), imports::applyAll)).isEqualTo(first);
		assertThat(first).containsExactly("CREATED [] 0", "CREATED [] 0", "CREATED [] 0", "UNCHANGED [] 0");

		List<String> second = outcomes(secondFeed("solo", oneByOne), this::oneAfterAnother);
		assertThat(outcomes(secondFeed("batch", together), imports::applyAll)).isEqualTo(second);
		assertThat(second).containsExactly("UNCHANGED [] 0", "UPDATED [checkIn] 0", "UPDATED [status] 0",
				"CANCELLED [status] 0", "CREATED [] 0", "UPDATED [checkOut] 0",
				"refused: checkOut must be after checkIn", "refused: Property does not exist.");
		assertThat(eventsOn(together)).isEqualTo(eventsOn(oneByOne)).isEqualTo(List.of(4, 3, 1));
		assertThat(rows("batch")).isEqualTo(rows("solo")).isEqualTo(4);
	}

	@Test
	void aListingAppliedAgainUnchangedWritesAndPublishesNothing() {
		List<ChannelBooking> feed = new ArrayList<>(firstFeed("batch", together));
		feed.add(event("6@host", "batch", together, D.plusDays(30), D.plusDays(30)));
		imports.applyAll(feed);
		List<Integer> before = eventsOn(together);
		long published = events.stream().count();
		Integer versions = jdbc.sql("select sum(version) from bookings where external_scope = 'batch'")
			.query(Integer.class)
			.single();

		List<String> again = outcomes(feed, imports::applyAll);

		assertThat(again).containsExactly("UNCHANGED [] 0", "UNCHANGED [] 0", "UNCHANGED [] 0", "UNCHANGED [] 0",
				"refused: checkOut must be after checkIn");
		assertThat(before).isEqualTo(List.of(3, 0, 0));
		assertThat(events.stream().skip(published).map(event -> event.getClass().getName()))
			.as("no domain event (entity loading events of Spring Data aside)")
			.noneMatch(type -> type.startsWith("io.staysync."));
		assertThat(jdbc.sql("select sum(version) from bookings where external_scope = 'batch'")
			.query(Integer.class)
			.single()).as("no booking written").isEqualTo(versions);
	}

	@Test
	void aConflictBetweenTwoRecordsOfOneBatchIsDetected() {
		List<Applied> applied = imports.applyAll(List.of(event("a@host", "batch", together, D, D.plusDays(3)),
				tentative(event("b@host", "batch", together, D.plusDays(1), D.plusDays(2))),
				event("c@host", "batch", together, D.plusDays(2), D.plusDays(5))));

		assertThat(applied).extracting(one -> one.outcome().conflictsDetected()).containsExactly(0, 0, 1);
		ConflictDetected detected = events.stream(ConflictDetected.class).collect(singleOne());
		assertThat(List.of(detected.bookingId(), detected.otherBookingId()))
			.containsExactlyInAnyOrder(applied.get(0).outcome().bookingId(), applied.get(2).outcome().bookingId());
		assertThat(jdbc.sql("select count(*) from booking_conflicts where property_id = :p and resolved_at is null")
			.param("p", together)
			.query(Integer.class)
			.single()).isOne();
	}

	/**
	 * New records are inserted together; what they clash with (a stored stay, a stay the
	 * batch moved between them, each other) is what each would have clashed with applied
	 * in turn.
	 */
	@Test
	void newRecordsInsertedTogetherOpenTheConflictsOfOneByOne() {
		for (UUID property : List.of(oneByOne, together)) {
			imports.apply(event("x@host", listing(property), property, D, D.plusDays(3)));
		}
		long published = events.stream().count();
		List<String> solo = outcomes(clashingFeed(oneByOne), this::oneAfterAnother);
		List<String> conflictEventsSolo = conflictEvents(published, oneByOne);

		published = events.stream().count();
		assertThat(outcomes(clashingFeed(together), imports::applyAll)).isEqualTo(solo);
		assertThat(conflictEvents(published, together)).isEqualTo(conflictEventsSolo);

		assertThat(solo).containsExactly("CREATED [] 1", "UPDATED [checkIn, checkOut] 0", "CREATED [] 1",
				"CREATED [] 0", "CREATED [] 2");
		assertThat(conflictEventsSolo).containsExactly("detected", "resolved", "detected", "detected", "detected");
		assertThat(openConflicts(together)).isEqualTo(openConflicts(oneByOne)).isEqualTo(3);
	}

	private List<ChannelBooking> clashingFeed(UUID property) {
		String listing = listing(property);
		return List.of(event("n1@host", listing, property, D.plusDays(1), D.plusDays(2)),
				event("x@host", listing, property, D.plusDays(10), D.plusDays(12)),
				event("n2@host", listing, property, D.plusDays(11), D.plusDays(13)),
				tentative(event("n3@host", listing, property, D.plusDays(11), D.plusDays(12))),
				event("n4@host", listing, property, D.plusDays(11), D.plusDays(14)));
	}

	private String listing(UUID property) {
		return property.equals(together) ? "batch" : "solo";
	}

	/**
	 * The conflict events on a property published since the {@code skip} first events.
	 */
	private List<String> conflictEvents(long skip, UUID property) {
		return events.stream(Object.class).skip(skip).map(event -> {
			if (event instanceof ConflictDetected detected && detected.propertyId().equals(property)) {
				return "detected";
			}
			if (event instanceof ConflictResolved resolved && resolved.propertyId().equals(property)) {
				return "resolved";
			}
			return null;
		}).filter(java.util.Objects::nonNull).toList();
	}

	private int openConflicts(UUID property) {
		return jdbc.sql("select count(*) from booking_conflicts where property_id = :p and resolved_at is null")
			.param("p", property)
			.query(Integer.class)
			.single();
	}

	/**
	 * Four events of a listing: three stays (one tentative) and a cancellation never
	 * seen.
	 */
	private List<ChannelBooking> firstFeed(String listing, UUID property) {
		return List.of(event("1@host", listing, property, D, D.plusDays(2)),
				event("2@host", listing, property, D.plusDays(3), D.plusDays(5)),
				tentative(event("3@host", listing, property, D.plusDays(6), D.plusDays(8))),
				cancelled(event("4@host", listing, property, D.plusDays(9), D.plusDays(10))));
	}

	/**
	 * The same listing later: one stay unchanged, one moved, the tentative one confirmed,
	 * the cancellation now of a known stay, a new stay reported twice (the second time
	 * with another departure), a stay that ends before it starts, one on a property that
	 * does not exist.
	 */
	private List<ChannelBooking> secondFeed(String listing, UUID property) {
		List<ChannelBooking> feed = new ArrayList<>();
		feed.add(event("1@host", listing, property, D, D.plusDays(2)));
		feed.add(event("2@host", listing, property, D.plusDays(4), D.plusDays(5)));
		feed.add(event("3@host", listing, property, D.plusDays(6), D.plusDays(8)));
		feed.add(cancelled(event("1@host", listing, property, D, D.plusDays(2))));
		feed.add(event("5@host", listing, property, D.plusDays(20), D.plusDays(22)));
		feed.add(event("5@host", listing, property, D.plusDays(20), D.plusDays(23)));
		feed.add(event("6@host", listing, property, D.plusDays(30), D.plusDays(30)));
		feed.add(event("7@host", listing, UUID.randomUUID(), D.plusDays(40), D.plusDays(41)));
		return feed;
	}

	private List<Applied> oneAfterAnother(List<ChannelBooking> records) {
		List<Applied> applied = new ArrayList<>();
		for (ChannelBooking record : records) {
			try {
				applied.add(Applied.done(record, imports.apply(record)));
			}
			catch (DomainException refused) {
				applied.add(Applied.refused(record, refused.getMessage()));
			}
		}
		return applied;
	}

	/** What each record did, in words that do not depend on the property or the ids. */
	private static List<String> outcomes(List<ChannelBooking> records,
			Function<List<ChannelBooking>, List<Applied>> applying) {
		return applying.apply(records).stream().map(applied -> {
			if (applied.refusal() != null) {
				String refusal = applied.refusal().replaceAll("Property [0-9a-f-]+ ", "Property ");
				return "refused: " + (refusal.contains("checkOut") ? "checkOut must be after checkIn" : refusal);
			}
			ImportOutcome outcome = applied.outcome();
			return outcome.result() + " " + outcome.changes() + " " + outcome.conflictsDetected();
		}).toList();
	}

	/** How many bookings of a property were created, updated and cancelled. */
	private List<Integer> eventsOn(UUID property) {
		return List.of(
				(int) events.stream(BookingCreated.class)
					.filter(created -> created.booking().propertyId().equals(property))
					.count(),
				(int) events.stream(BookingUpdated.class)
					.filter(updated -> updated.booking().propertyId().equals(property))
					.count(),
				(int) events.stream(BookingCancelled.class)
					.filter(cancelled -> cancelled.booking().propertyId().equals(property))
					.count());
	}

	private int rows(String listing) {
		return jdbc.sql("select count(*) from bookings where integration_id = :i and external_scope = :l")
			.param("i", integration)
			.param("l", listing)
			.query(Integer.class)
			.single();
	}

	private ChannelBooking event(String uid, String listing, UUID property, LocalDate checkIn, LocalDate checkOut) {
		return new ChannelBooking(integration, BookingSource.ICAL, uid, listing, property, BookingKind.RESERVATION,
				BookingStatus.CONFIRMED, checkIn, checkOut, null, null, null, null, null, null, null, null, null,
				KeyScope.LISTING);
	}

	private static ChannelBooking tentative(ChannelBooking record) {
		return withStatus(record, BookingStatus.TENTATIVE);
	}

	private static ChannelBooking cancelled(ChannelBooking record) {
		return withStatus(record, BookingStatus.CANCELLED);
	}

	private static ChannelBooking withStatus(ChannelBooking b, BookingStatus status) {
		return new ChannelBooking(b.integrationId(), b.source(), b.externalId(), b.externalListingId(), b.propertyId(),
				b.kind(), status, b.checkIn(), b.checkOut(), b.guestName(), b.adults(), b.children(), b.totalAmount(),
				b.currency(), b.rawPayloadRef(), b.externalReference(), b.guestEmail(), b.guestPhone(), b.keyScope());
	}

	private static <T> java.util.stream.Collector<T, ?, T> singleOne() {
		return java.util.stream.Collectors.collectingAndThen(java.util.stream.Collectors.toList(), list -> {
			assertThat(list).hasSize(1);
			return list.get(0);
		});
	}

}

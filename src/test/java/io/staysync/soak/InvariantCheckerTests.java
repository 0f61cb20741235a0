package io.staysync.soak;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.staysync.soak.SoakState.Acknowledgement;
import io.staysync.soak.SoakState.Delivery;
import io.staysync.soak.SoakState.NightView;
import io.staysync.soak.SoakState.Reservation;
import io.staysync.soak.SoakState.Run;
import io.staysync.soak.SoakState.Stored;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The soak's checker fails when an invariant is broken: a consistent end state passes,
 * and each invariant broken on purpose is reported, naming what broke.
 */
class InvariantCheckerTests {

	private static final LocalDate IN = LocalDate.of(2027, 3, 10);

	private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");

	private final InvariantChecker checker = new InvariantChecker();

	@Test
	void aConsistentEndStatePasses() {
		assertThat(checker.check(consistent().build())).isEmpty();
	}

	@Test
	void aDuplicatedReservationIsReported() {
		State state = consistent();
		state.stored.add(new Stored("booking_com", "R1-1", "p1", IN, IN.plusDays(2), "CONFIRMED"));
		assertThat(checker.check(state.build()))
			.containsExactly("duplicated: booking_com reservation R1-1 stored 2 times");
	}

	@Test
	void aMissingReservationIsReported() {
		State state = consistent();
		state.stored.removeIf(stored -> stored.key().equals("uid-7"));
		assertThat(checker.check(state.build())).contains("missing: ical reservation uid-7");
	}

	@Test
	void aReservationCancelledBeforeStaysyncSawItNeedNotBeStored() {
		State state = consistent();
		state.stored.removeIf(stored -> stored.key().equals("uid-8"));
		assertThat(checker.check(state.build())).isEmpty();
	}

	@Test
	void aReservationInAnEarlierStateIsReported() {
		State state = consistent();
		state.stored.set(1, new Stored("ical", "uid-7", "p1", IN.plusDays(5), IN.plusDays(7), "CONFIRMED"));
		assertThat(checker.check(state.build()))
			.anyMatch(v -> v.startsWith("wrong final state: ical reservation uid-7"));
	}

	@Test
	void aStayRemovedFromAFeedLeftEmptyIsKeptByDesignAndCounted() {
		State state = consistent();
		state.stored.set(2, new Stored("ical", "uid-8", "p2", IN, IN.plusDays(4), "CONFIRMED"));
		state.views.replaceAll(view -> view.propertyId().equals("p2")
				? new NightView("booking_com", "p2", view.night(), view.night().isBefore(IN.plusDays(4))) : view);

		assertThat(checker.check(state.build())).as("p2's feed has no stay left: an empty feed cancels nothing")
			.isEmpty();
		assertThat(checker.keptFromEmptyFeeds(state.build())).isOne();
	}

	@Test
	void aStayRemovedFromAFeedThatStillHasStaysMustBeCancelled() {
		State state = consistent();
		state.truth.add(new Reservation("ical", "uid-9", "p1", IN.plusDays(10), IN.plusDays(12), true));
		state.stored.add(new Stored("ical", "uid-9", "p1", IN.plusDays(10), IN.plusDays(12), "CONFIRMED"));

		assertThat(checker.check(state.build()))
			.containsExactly("wrong final state: ical reservation uid-9 is CONFIRMED " + IN.plusDays(10) + ".."
					+ IN.plusDays(12) + " at Staysync, cancelled at the channel");
		assertThat(checker.keptFromEmptyFeeds(state.build())).isZero();
	}

	@Test
	void anAcknowledgementBeforeCommitIsReported() {
		State state = consistent();
		state.acknowledgements.add(new Acknowledgement("R2", 1, T0, false));
		assertThat(checker.check(state.build())).containsExactly("acknowledged before commit: R2 version 1 at " + T0);
	}

	@Test
	void anAcknowledgementThatCouldNotBeCheckedIsNoViolation() {
		State state = consistent();
		state.acknowledgements.add(new Acknowledgement("R2", 1, T0, null));
		assertThat(checker.check(state.build())).isEmpty();
	}

	@Test
	void aDivergedNightIsReported() {
		State state = consistent();
		state.views.set(0, new NightView("booking_com", "p1", IN, false));
		assertThat(checker.check(state.build()))
			.containsExactly("diverged: booking_com has " + IN + " of property p1 open, Staysync closed");
	}

	@Test
	void aNightClosedOnlyAtTheChannelIsReported() {
		State state = consistent();
		state.views.add(new NightView("booking_com", "p1", IN.plusDays(20), true));
		assertThat(checker.check(state.build())).hasSize(1).allMatch(v -> v.endsWith("closed, Staysync open"));
	}

	@Test
	void overlappingRunsAreReported() {
		State state = consistent();
		state.runs.add(new Run("r3", "ical", T0.plusSeconds(30), T0.plusSeconds(55), "success"));
		assertThat(checker.check(state.build())).hasSize(1).allMatch(v -> v.startsWith("overlapping runs of ical"));
	}

	@Test
	void aRunLeftRunningIsReported() {
		State state = consistent();
		state.runs.add(new Run("r9", "booking_com", T0.plusSeconds(500), null, "running"));
		assertThat(checker.check(state.build()))
			.containsExactly("left running: booking_com run r9 from " + T0.plusSeconds(500));
	}

	@Test
	void anUndeliveredWebhookIsReported() {
		State state = consistent();
		state.deliveries.add(new Delivery("msg_lost", "booking.updated", "pending"));
		assertThat(checker.check(state.build())).containsExactly(
				"webhook not delivered: booking.updated msg_lost is pending",
				"webhook never received: booking.updated msg_lost");
	}

	@Test
	void aWebhookDeliveredButNeverReceivedIsReported() {
		State state = consistent();
		state.deliveries.add(new Delivery("msg_phantom", "booking.created", "delivered"));
		assertThat(checker.check(state.build())).containsExactly("webhook never received: booking.created msg_phantom");
	}

	/**
	 * Two properties' worth of a soak that ended well: a Booking.com reservation
	 * (acknowledged after commit) and an iCal one, a cancelled iCal one, their nights
	 * closed on Booking.com, two runs one after the other, two webhooks received.
	 */
	private static State consistent() {
		State state = new State();
		state.truth.add(new Reservation("booking_com", "R1-1", "p1", IN, IN.plusDays(2), false));
		state.truth.add(new Reservation("ical", "uid-7", "p1", IN.plusDays(3), IN.plusDays(4), false));
		state.truth.add(new Reservation("ical", "uid-8", "p2", IN, IN.plusDays(4), true));
		state.stored.add(new Stored("booking_com", "R1-1", "p1", IN, IN.plusDays(2), "CONFIRMED"));
		state.stored.add(new Stored("ical", "uid-7", "p1", IN.plusDays(3), IN.plusDays(4), "CONFIRMED"));
		state.stored.add(new Stored("ical", "uid-8", "p2", IN.minusDays(1), IN.plusDays(4), "CANCELLED"));
		state.acknowledgements.add(new Acknowledgement("R1", 1, T0, true));
		for (int night = 0; night < 5; night++) {
			state.views.add(new NightView("booking_com", "p1", IN.plusDays(night), night != 2 && night != 4));
			state.views.add(new NightView("booking_com", "p2", IN.plusDays(night), false));
		}
		state.runs.add(new Run("r1", "ical", T0, T0.plusSeconds(60), "success"));
		state.runs.add(new Run("r2", "ical", T0.plusSeconds(60), T0.plusSeconds(70), "partial"));
		state.runs.add(new Run("r4", "booking_com", T0.plusSeconds(5), T0.plusSeconds(65), "error"));
		state.deliveries.add(new Delivery("msg_1", "booking.created", "delivered"));
		state.deliveries.add(new Delivery("msg_2", "booking.cancelled", "delivered"));
		state.received.addAll(Set.of("msg_1", "msg_2", "msg_test"));
		return state;
	}

	private static final class State {

		final List<Reservation> truth = new ArrayList<>();

		final List<Stored> stored = new ArrayList<>();

		final List<Acknowledgement> acknowledgements = new ArrayList<>();

		final List<NightView> views = new ArrayList<>();

		final List<Run> runs = new ArrayList<>();

		final List<Delivery> deliveries = new ArrayList<>();

		final java.util.Set<String> received = new java.util.HashSet<>();

		SoakState build() {
			return new SoakState(truth, stored, acknowledgements, views, runs, deliveries, received);
		}

	}

}

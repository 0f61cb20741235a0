package io.staysync.soak;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.staysync.soak.SoakState.NightView;
import io.staysync.soak.SoakState.Reservation;
import io.staysync.soak.SoakState.Run;
import io.staysync.soak.SoakState.Stored;

/**
 * The invariants a soak ends on, each a list of violations (empty when it holds): every
 * reservation present once with its final state, no acknowledgement before commit, every
 * channel's view of every night equal to Staysync's, no two runs of one integration at
 * once, no run left running, every outbound webhook delivered with its id.
 */
public final class InvariantChecker {

	private static final String ICAL = "ical";

	/** Staysync's statuses that hold a night (tentative ones are held by default). */
	private static boolean holding(String status) {
		return !"CANCELLED".equals(status);
	}

	public List<String> check(SoakState state) {
		List<String> violations = new ArrayList<>();
		violations.addAll(reservations(state));
		violations.addAll(acknowledgements(state));
		violations.addAll(nights(state));
		violations.addAll(overlappingRuns(state.runs()));
		violations.addAll(runsLeftRunning(state.runs()));
		violations.addAll(webhooks(state));
		return violations;
	}

	/** Each reservation stored exactly once, with its final dates and status. */
	List<String> reservations(SoakState state) {
		List<String> violations = new ArrayList<>();
		Map<String, List<Stored>> stored = state.stored()
			.stream()
			.collect(Collectors.groupingBy(booking -> booking.channel() + "/" + booking.key()));
		Set<String> feedsWithStays = feedsWithStays(state);
		for (Reservation truth : state.truth()) {
			List<Stored> copies = stored.getOrDefault(truth.channel() + "/" + truth.key(), List.of());
			if (keptFromAnEmptyFeed(truth, copies, feedsWithStays)) {
				continue;
			}
			if (copies.isEmpty()) {
				// Cancelled before Staysync ever read it: nothing to store.
				if (!truth.cancelled()) {
					violations.add("missing: " + truth.channel() + " reservation " + truth.key());
				}
				continue;
			}
			if (copies.size() > 1) {
				violations.add("duplicated: " + truth.channel() + " reservation " + truth.key() + " stored "
						+ copies.size() + " times");
			}
			Stored booking = copies.get(0);
			boolean cancelled = "CANCELLED".equals(booking.status());
			if (cancelled != truth.cancelled() || !truth.propertyId().equals(booking.propertyId())
					|| (!truth.cancelled() && (!truth.checkIn().equals(booking.checkIn())
							|| !truth.checkOut().equals(booking.checkOut())))) {
				violations.add("wrong final state: " + truth.channel() + " reservation " + truth.key() + " is "
						+ booking.status() + " " + booking.checkIn() + ".." + booking.checkOut() + " at Staysync, "
						+ (truth.cancelled() ? "cancelled" : truth.checkIn() + ".." + truth.checkOut())
						+ " at the channel");
			}
		}
		return violations;
	}

	/**
	 * The iCal stays removed from a feed that was left with none, which Staysync keeps on
	 * purpose: an empty calendar cancels nothing, because a channel's feed that breaks
	 * often answers empty (docs/channels.md), and the manager cancels such a stay by
	 * hand. Counted in the figures, not a violation.
	 */
	public long keptFromEmptyFeeds(SoakState state) {
		Map<String, List<Stored>> stored = state.stored()
			.stream()
			.collect(Collectors.groupingBy(booking -> booking.channel() + "/" + booking.key()));
		Set<String> feedsWithStays = feedsWithStays(state);
		return state.truth()
			.stream()
			.filter(truth -> keptFromAnEmptyFeed(truth,
					stored.getOrDefault(truth.channel() + "/" + truth.key(), List.of()), feedsWithStays))
			.count();
	}

	private static Set<String> feedsWithStays(SoakState state) {
		return state.truth()
			.stream()
			.filter(truth -> ICAL.equals(truth.channel()) && !truth.cancelled())
			.map(Reservation::propertyId)
			.collect(Collectors.toSet());
	}

	private static boolean keptFromAnEmptyFeed(Reservation truth, List<Stored> copies, Set<String> feedsWithStays) {
		return ICAL.equals(truth.channel()) && truth.cancelled() && copies.size() == 1
				&& holding(copies.get(0).status()) && !feedsWithStays.contains(truth.propertyId())
				&& truth.propertyId().equals(copies.get(0).propertyId());
	}

	/** An acknowledged reservation was already committed when it was acknowledged. */
	List<String> acknowledgements(SoakState state) {
		return state.acknowledgements()
			.stream()
			.filter(ack -> Boolean.FALSE.equals(ack.committed()))
			.map(ack -> "acknowledged before commit: " + ack.key() + " version " + ack.version() + " at " + ack.at())
			.toList();
	}

	/**
	 * A channel sells a night only when Staysync has it open, and closes it otherwise.
	 */
	List<String> nights(SoakState state) {
		Map<String, List<Stored>> byProperty = state.stored()
			.stream()
			.filter(booking -> holding(booking.status()))
			.collect(Collectors.groupingBy(Stored::propertyId));
		List<String> violations = new ArrayList<>();
		for (NightView view : state.views()) {
			boolean closed = byProperty.getOrDefault(view.propertyId(), List.of())
				.stream()
				.anyMatch(booking -> booking.holds(view.night()));
			if (closed != view.closed()) {
				violations
					.add("diverged: " + view.channel() + " has " + view.night() + " of property " + view.propertyId()
							+ (view.closed() ? " closed" : " open") + ", Staysync " + (closed ? "closed" : "open"));
			}
		}
		return violations;
	}

	/** No two runs of one integration overlap in time (a run still running ends now). */
	List<String> overlappingRuns(List<Run> runs) {
		List<String> violations = new ArrayList<>();
		Map<String, List<Run>> byChannel = runs.stream().collect(Collectors.groupingBy(Run::channel));
		Instant now = Instant.now();
		for (List<Run> channelRuns : byChannel.values()) {
			List<Run> sorted = new ArrayList<>(channelRuns);
			sorted.sort(Comparator.comparing(Run::startedAt));
			Run latest = null;
			for (Run run : sorted) {
				if (latest != null && run.startedAt().isBefore(end(latest, now))) {
					violations.add("overlapping runs of " + run.channel() + ": " + latest.id() + " ("
							+ latest.startedAt() + ".." + latest.completedAt() + ") and " + run.id() + " (from "
							+ run.startedAt() + ")");
				}
				if (latest == null || end(run, now).isAfter(end(latest, now))) {
					latest = run;
				}
			}
		}
		return violations;
	}

	private static Instant end(Run run, Instant now) {
		return run.completedAt() == null ? now : run.completedAt();
	}

	List<String> runsLeftRunning(List<Run> runs) {
		return runs.stream()
			.filter(run -> "running".equalsIgnoreCase(run.status()) || run.completedAt() == null)
			.map(run -> "left running: " + run.channel() + " run " + run.id() + " from " + run.startedAt())
			.toList();
	}

	/** Every logged delivery delivered, and received with its {@code webhook-id}. */
	List<String> webhooks(SoakState state) {
		List<String> violations = new ArrayList<>();
		Map<String, Integer> seen = new HashMap<>();
		for (SoakState.Delivery delivery : state.deliveries()) {
			if (seen.merge(delivery.messageId(), 1, Integer::sum) == 2) {
				violations.add("one webhook-id for two deliveries: " + delivery.messageId());
			}
			if (!"delivered".equalsIgnoreCase(delivery.status())) {
				violations.add("webhook not delivered: " + delivery.eventType() + " " + delivery.messageId() + " is "
						+ delivery.status());
			}
			if (!state.received().contains(delivery.messageId())) {
				violations.add("webhook never received: " + delivery.eventType() + " " + delivery.messageId());
			}
		}
		return violations;
	}

}

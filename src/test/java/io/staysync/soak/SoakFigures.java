package io.staysync.soak;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The figures a soak prints: what it did, the faults injected, and how late Staysync was,
 * from the moment a change became visible at its channel to the moment Staysync stored it
 * (lateness), and to the moment the availability push it causes was enqueued for the
 * other API channel (change-to-push), with the part of that after Staysync stored it.
 */
final class SoakFigures {

	/** A push enqueued later than this after the change belongs to another change. */
	private static final Duration SAME_CHANGE = Duration.ofSeconds(10);

	private SoakFigures() {
	}

	static List<String> of(Traffic traffic, Observer observer, SoakState state, ChannelPeers peers, FeedPeer feeds,
			WebhookReceiver receiver, Duration trafficTime, long acknowledgementsUnchecked) {
		List<Traffic.Change> changes = traffic.allChanges().stream().filter(change -> !change.seed()).toList();
		List<String> figures = new ArrayList<>();
		figures.add(
				String.format(
						"traffic: %d s, %d changes (%d on Booking.com, %d on iCal feeds) on top of %d seeded"
								+ " stays",
						trafficTime.toSeconds(), changes.size(),
						changes.stream().filter(change -> change.channel().equals(Traffic.BOOKING_COM)).count(),
						changes.stream().filter(change -> change.channel().equals(Traffic.ICAL)).count(),
						traffic.allChanges().size() - changes.size()));
		figures
			.add(String.format("reservations at the end: %d (%d cancelled); Staysync stores %d bookings from channels",
					state.truth().size(), state.truth().stream().filter(SoakState.Reservation::cancelled).count(),
					state.stored().size()));
		figures.add(String.format(
				"faults injected: Booking.com %d x 429 (Retry-After), %d x 500, %d truncated pulls,"
						+ " %d duplicate deliveries, 100 ms latency; feeds %d x 500, %d truncated, %d slowed (20 ms);"
						+ " webhook receiver %d x 503",
				peers.throttled.get(), peers.failed.get(), peers.truncated.get(), peers.duplicated.get(),
				feeds.failed.get(), feeds.cut.get(), feeds.slowed.get(), receiver.refused.get()));
		figures.add(String.format(
				"acknowledgements: %d checked at the moment they were taken, %d not checkable"
						+ " (database restarting); webhooks: %d deliveries logged, %d ids received, %d received again",
				state.acknowledgements().size() - acknowledgementsUnchecked, acknowledgementsUnchecked,
				state.deliveries().size(), state.received().size(), receiver.repeated.get()));
		List<Long> lateness = new ArrayList<>();
		List<Long> toPush = new ArrayList<>();
		List<Long> afterStored = new ArrayList<>();
		Set<String> twoChannelProperties = new HashSet<>();
		for (int room = 0; room < traffic.rooms(); room++) {
			twoChannelProperties.add(traffic.property(room));
		}
		int pushEligible = 0;
		for (Traffic.Change change : changes) {
			Instant stored = storedAt(observer, change);
			if (stored == null) {
				continue;
			}
			lateness.add(Duration.between(change.at(), stored).toMillis());
			if (change.channel().equals(Traffic.ICAL) && twoChannelProperties.contains(change.propertyId())) {
				pushEligible++;
				Instant enqueued = observer.pushEnqueuedFrom(change.propertyId(), stored.minusMillis(50));
				if (enqueued != null && Duration.between(stored, enqueued).compareTo(SAME_CHANGE) < 0) {
					toPush.add(Duration.between(change.at(), enqueued).toMillis());
					afterStored.add(Duration.between(stored, enqueued).toMillis());
				}
			}
		}
		figures.add(String.format(
				"lateness (visible at the channel -> stored by Staysync), %d of %d changes seen: " + "p50 %s, p99 %s",
				lateness.size(), changes.size(), percentile(lateness, 50), percentile(lateness, 99)));
		figures.add(String.format(
				"change-to-push (iCal change -> Booking.com push enqueued), %d of %d measured: p50 %s,"
						+ " p99 %s; of which after Staysync stored the change: p50 %s, p99 %s",
				toPush.size(), pushEligible, percentile(toPush, 50), percentile(toPush, 99),
				percentile(afterStored, 50), percentile(afterStored, 99)));
		return figures;
	}

	/** When Staysync first stored the change, if the observer saw it. */
	private static Instant storedAt(Observer observer, Traffic.Change change) {
		for (Observer.Seen seen : observer.history(change.channel(), change.key())) {
			if (!seen.storedAt().isBefore(change.at()) && Soak.matches(seen, change)) {
				return seen.storedAt();
			}
		}
		return null;
	}

	static String percentile(List<Long> millis, int percent) {
		if (millis.isEmpty()) {
			return "n/a";
		}
		List<Long> sorted = millis.stream().sorted().toList();
		long value = sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
		return value >= 10_000 ? String.format("%.1f s", value / 1000.0) : value + " ms";
	}

}

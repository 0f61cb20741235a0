package io.staysync.integrations.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import io.staysync.channels.ChannelType;
import io.staysync.web.ConsoleController;
import io.staysync.integrations.IntegrationStatus;
import io.staysync.integrations.SyncLateness;
import io.staysync.integrations.internal.Integration;
import io.staysync.integrations.internal.IntegrationManagement;
import io.staysync.integrations.internal.MappingManagement;
import io.staysync.integrations.internal.WaitingReservations;

/**
 * The dashboard's integrations panel: what needs a manager's attention, each with the way
 * to fix it. An integration is in trouble when it is in error, when its last sync is
 * older than twice its interval (the scheduler is not keeping up, or syncs are paused),
 * when some of its listings are late (not synced within the interval plus a grace, as the
 * sync module measures it), when it is active with no listing mapped (it syncs nothing),
 * or when its channel holds reservations back for a room nobody mapped (they are neither
 * stored nor acknowledged, and Booking.com e-mails the property about them after half an
 * hour). Until any channel has synced, it does not claim that they are syncing.
 */
@ConsoleController
class AttentionPanel {

	private final IntegrationManagement integrations;

	private final MappingManagement mappings;

	private final WaitingReservations waiting;

	private final ObjectProvider<SyncLateness> lateness;

	private final Clock clock;

	AttentionPanel(IntegrationManagement integrations, MappingManagement mappings, WaitingReservations waiting,
			ObjectProvider<SyncLateness> lateness, Clock clock) {
		this.lateness = lateness;
		this.integrations = integrations;
		this.mappings = mappings;
		this.waiting = waiting;
		this.clock = clock;
	}

	@GetMapping("/integrations/attention")
	String attention(Model model) {
		List<Item> items = new ArrayList<>();
		int healthy = 0;
		boolean synced = false;
		for (ChannelType type : ChannelType.values()) {
			Integration integration = integrations.find(type).orElse(null);
			if (integration == null) {
				continue;
			}
			int before = items.size();
			synced |= integration.lastSyncAt() != null;
			String name = IntegrationPages.Card.label(type);
			if (integration.status() == IntegrationStatus.ERROR) {
				items.add(new Item("error", name + " is in error",
						integration.lastSyncError() != null ? integration.lastSyncError() : integration.statusMessage(),
						type));
			}
			if (integration.active() && stale(integration)) {
				items.add(new Item("stale", name + " has not synced for a while", integration.lastSyncAt() == null
						? "It has never synced."
						: "Last sync more than twice its interval (" + integration.syncIntervalMinutes() + " min) ago.",
						type));
			}
			SyncLateness.Late late = integration.active()
					? lateness.getIfAvailable(() -> id -> SyncLateness.Late.none()).late(integration.id())
					: SyncLateness.Late.none();
			if (late.listings() > 0) {
				items.add(new Item("late", lateTitle(name, late.listings()), lateDetail(late), type));
			}
			if (integration.active() && mappings.count(integration) == 0) {
				items.add(new Item("unmapped", name + " has no mapped listings",
						"Nothing is imported until its listings are mapped to properties.", type));
			}
			List<WaitingReservations.Waiting> held = waiting.list(integration.id());
			if (!held.isEmpty()) {
				items.add(new Item("waiting", waitingTitle(name, held.size()), waitingDetail(held), type));
			}
			if (items.size() == before) {
				healthy++;
			}
		}
		model.addAttribute("items", items);
		model.addAttribute("healthy", healthy);
		model.addAttribute("synced", synced);
		return "integrations/attention :: panel";
	}

	private static String lateTitle(String channel, int listings) {
		return listings == 1 ? channel + ": 1 listing is late: not synced within its interval"
				: channel + ": " + listings + " listings are late: not synced within their interval";
	}

	private static String lateDetail(SyncLateness.Late late) {
		return "None of them has synced in the last " + minutes(late.interval().plus(late.grace()))
				+ " (the sync interval of " + minutes(late.interval()) + " plus a grace of " + minutes(late.grace())
				+ "). The listings of the last sync say why.";
	}

	private static String minutes(Duration duration) {
		long seconds = duration.toSeconds();
		return seconds % 60 == 0 ? seconds / 60 + " min" : seconds + " s";
	}

	private static String waitingTitle(String channel, int count) {
		return count == 1 ? channel + ": 1 reservation waits for a mapping"
				: channel + ": " + count + " reservations wait for a mapping";
	}

	/** The listings to map, each with its reservations, at most three named. */
	private static String waitingDetail(List<WaitingReservations.Waiting> held) {
		Map<String, List<String>> byListing = new LinkedHashMap<>();
		held.forEach(
				w -> byListing.computeIfAbsent(w.externalListingId(), listing -> new ArrayList<>()).add(w.reference()));
		List<String> named = byListing.entrySet()
			.stream()
			.limit(3)
			.map(entry -> entry.getKey() + " (reservation" + (entry.getValue().size() == 1 ? " " : "s ")
					+ String.join(", ", entry.getValue()) + ")")
			.toList();
		return "Map " + String.join(", ", named) + (byListing.size() > named.size() ? " and others" : "")
				+ " to a property: until then they are neither stored nor acknowledged.";
	}

	private boolean stale(Integration integration) {
		Duration twice = Duration.ofMinutes(2L * integration.syncIntervalMinutes());
		Instant since = integration.lastSyncAt() != null ? integration.lastSyncAt() : integration.createdAt();
		return since != null && since.plus(twice).isBefore(clock.instant());
	}

	/** One thing to look at: {@code kind} is error, stale, late, unmapped or waiting. */
	record Item(String kind, String title, String detail, ChannelType type) {
	}

}

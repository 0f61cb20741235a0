package io.staysync.sync.web;

import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.staysync.channels.ChannelType;
import io.staysync.web.ConsoleController;
import io.staysync.integrations.ChannelAccount;
import io.staysync.integrations.ChannelAccounts;
import io.staysync.sync.SyncStatus;
import io.staysync.sync.SyncTrigger;
import io.staysync.sync.internal.RecentSyncs;
import io.staysync.sync.internal.RunLiveness;
import io.staysync.sync.internal.RunProgress;
import io.staysync.sync.internal.SyncLauncher;
import io.staysync.sync.internal.SyncRunView;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The sync fragments of the integrations page: start a run and follow it live, and the
 * history of runs with their per-listing outcomes; and the page of one run. A running run
 * polls itself every second; when it ends, it tells the page ({@code sync-finished}) so
 * the card and the history refresh without a reload.
 */
@ConsoleController
class SyncPages {

	static final String FINISHED = "sync-finished";

	/** Listings a finished run shows in the sync dialog, failures first. */
	static final int LISTINGS_IN_DIALOG = 20;

	/** Listings on a page of a run, failures first. */
	static final int LISTINGS_PER_PAGE = 50;

	private final SyncLauncher launcher;

	private final RecentSyncs history;

	private final ChannelAccounts accounts;

	private final RunProgress progress;

	private final RunLiveness liveness;

	SyncPages(SyncLauncher launcher, RecentSyncs history, ChannelAccounts accounts, RunProgress progress,
			RunLiveness liveness) {
		this.liveness = liveness;
		this.launcher = launcher;
		this.history = history;
		this.accounts = accounts;
		this.progress = progress;
	}

	@PostMapping("/integrations/{type}/sync")
	@PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
	String start(@PathVariable String type, Model model) {
		SyncLauncher.Launched launched = launcher.start(ChannelType.fromPath(type), SyncTrigger.MANUAL, null);
		model.addAttribute("run", SyncRunView.of(launched.run()));
		model.addAttribute("joined", !launched.started());
		model.addAttribute("silence", liveness.silence(launched.run().id()).orElse(null));
		return "sync/runs :: progress";
	}

	/**
	 * One run on a page of its own: its counts, its listings' outcomes a page at a time
	 * with the failed ones first, and the channel's ids of the requests it made
	 * (Booking.com's RUIDs), which a manager quotes to the channel's support when a
	 * reservation went astray.
	 */
	@GetMapping("/syncs/{id}")
	String run(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page, Model model) {
		SyncRunView run = history.get(id, PageRequest.of(Math.max(page, 0), LISTINGS_PER_PAGE), true);
		ChannelType channel = accounts.find(run.integrationId()).map(ChannelAccount::type).orElse(null);
		model.addAttribute("run", run);
		model.addAttribute("channel", channel);
		model.addAttribute("channelName", channel == null ? "the channel" : switch (channel) {
			case AIRBNB -> "Airbnb";
			case BOOKING_COM -> "Booking.com";
			case ICAL -> "the calendar";
		});
		model.addAttribute("requestIds",
				run.listings()
					.stream()
					.map(listing -> listing.channelRequestIds() == null ? List.<String>of()
							: List.of(listing.channelRequestIds().split(" ")))
					.toList());
		return "sync/run";
	}

	@GetMapping("/syncs/{id}/progress")
	String progress(@PathVariable UUID id, Model model, HttpServletResponse response) {
		SyncRunView run = follow(history.get(id, PageRequest.of(0, LISTINGS_IN_DIALOG), true), response);
		model.addAttribute("run", run);
		model.addAttribute("progress", progress.of(id).orElse(null));
		model.addAttribute("silence", liveness.silence(id).orElse(null));
		return "sync/runs :: progress";
	}

	@GetMapping("/syncs/{id}/row")
	String row(@PathVariable UUID id, Model model, HttpServletResponse response) {
		model.addAttribute("run", follow(history.get(id, PageRequest.of(0, LISTINGS_IN_DIALOG), true), response));
		model.addAttribute("silence", liveness.silence(id).orElse(null));
		return "sync/runs :: row";
	}

	@GetMapping("/integrations/{type}/runs")
	String runs(@PathVariable String type, @RequestParam(defaultValue = "0") int page, Model model) {
		ChannelType channel = ChannelType.fromPath(type);
		model.addAttribute("type", channel.path());
		model.addAttribute("runs",
				accounts.find(channel)
					.map(account -> history.page(account.id(), PageRequest.of(Math.max(page, 0), 10)))
					.orElse(Page.empty()));
		return "sync/runs :: history";
	}

	private static SyncRunView follow(SyncRunView run, HttpServletResponse response) {
		if (run.status() != SyncStatus.RUNNING) {
			response.setHeader("HX-Trigger", FINISHED);
		}
		return run;
	}

}

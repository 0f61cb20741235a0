package io.staysync.sync.rest;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

import org.springframework.data.domain.PageRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import io.staysync.channels.ChannelType;
import io.staysync.common.NotFoundException;
import io.staysync.common.PageResponse;
import io.staysync.integrations.ChannelAccounts;
import io.staysync.sync.SyncTrigger;
import io.staysync.sync.internal.RecentSyncs;
import io.staysync.sync.internal.SyncLauncher;
import io.staysync.sync.internal.SyncRunView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * Starting syncs and reading their history. {@code POST …/sync} answers at once (202)
 * with the run, which goes on in the background; poll {@code GET /api/syncs/{id}}.
 */
@RestController
class SyncController {

	private final SyncLauncher launcher;

	private final RecentSyncs history;

	private final ChannelAccounts accounts;

	SyncController(SyncLauncher launcher, RecentSyncs history, ChannelAccounts accounts) {
		this.launcher = launcher;
		this.history = history;
		this.accounts = accounts;
	}

	@Operation(summary = "Starts a sync of a channel now")
	@ApiResponse(responseCode = "202", description = "Accepted: the sync runs in the background")
	@ApiResponse(responseCode = "400", description = "Invalid input; the problem names each field")
	@ApiResponse(responseCode = "401", description = "Not signed in: no valid API token or password")
	@ApiResponse(responseCode = "403", description = "Signed in without the role: ADMIN or MANAGER")
	@ApiResponse(responseCode = "404", description = "No channel of this type")
	@ApiResponse(responseCode = "409", description = "The channel is not configured, or a sync is already running")
	@PostMapping("/api/integrations/{type}/sync")
	@PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
	ResponseEntity<Started> sync(@PathVariable String type, @Valid @RequestBody(required = false) SyncRequest request) {
		SyncLauncher.Launched launched = launcher.start(ChannelType.fromPath(type), SyncTrigger.MANUAL,
				request == null ? null : request.propertyMapping());
		return ResponseEntity.accepted()
			.location(URI.create("/api/syncs/" + launched.run().id()))
			.body(new Started(SyncRunView.of(launched.run()), !launched.started()));
	}

	@Operation(summary = "The sync runs of a channel, newest first")
	@ApiResponse(responseCode = "200", description = "OK")
	@ApiResponse(responseCode = "400", description = "Invalid input; the problem names each field")
	@ApiResponse(responseCode = "401", description = "Not signed in: no valid API token or password")
	@ApiResponse(responseCode = "404", description = "No channel of this type")
	@GetMapping("/api/integrations/{type}/syncs")
	PageResponse<SyncRunView> list(@PathVariable String type, @RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
		ChannelType channel = ChannelType.fromPath(type);
		UUID integration = accounts.find(channel)
			.orElseThrow(() -> new NotFoundException("The " + channel.path() + " integration is not configured."))
			.id();
		return PageResponse.of(history.page(integration, PageRequest.of(page, size)), run -> run);
	}

	@Operation(summary = "One sync run with a page of its listings' outcomes",
			description = "listings holds page listingsPage of the run's outcomes (500 by default, at most 1000),"
					+ " in the order the run met the listings, or with the failed ones first (failuresFirst=true);"
					+ " listingsPage says how many there are in all and how many failed.")
	@ApiResponse(responseCode = "200", description = "OK")
	@ApiResponse(responseCode = "400", description = "Invalid input; the problem names each field")
	@ApiResponse(responseCode = "401", description = "Not signed in: no valid API token or password")
	@ApiResponse(responseCode = "404", description = "No sync run with this id")
	@GetMapping("/api/syncs/{id}")
	SyncRunView get(@PathVariable UUID id, @RequestParam(defaultValue = "0") @Min(0) int listingsPage,
			@RequestParam(defaultValue = "" + RecentSyncs.DEFAULT_LISTINGS) @Min(1) @Max(1000) int listingsSize,
			@RequestParam(defaultValue = "false") boolean failuresFirst) {
		return history.get(id, PageRequest.of(listingsPage, listingsSize), failuresFirst);
	}

	/** The optional body of a sync request: listings to map before syncing. */
	record SyncRequest(Map<@NotNull String, @NotNull UUID> propertyMapping) {
	}

	/**
	 * The run, and whether it was already running (a second request does not start
	 * another).
	 */
	record Started(@JsonUnwrapped SyncRunView run, boolean alreadyRunning) {
	}

}

package io.staysync.sync.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.staysync.channels.ChannelType;
import io.staysync.integrations.ChannelAccount;
import io.staysync.integrations.ChannelAccounts;
import io.staysync.integrations.MappedListing;
import io.staysync.integrations.SyncLateness;
import io.staysync.sync.SyncStatus;

/**
 * Which listings are late: mapped for an active integration, and not synced within the
 * integration's interval plus {@code staysync.sync.late-grace}. Late is defined per
 * listing, from the per-listing outcomes runs record ({@code sync_run_listings}): a
 * listing is fresh when a run started within that window fetched it ({@code success}) or
 * found it unchanged ({@code not_modified}); a failed listing is not. A run that ended
 * well without recording any listing (a pull that had nothing to say per listing) vouches
 * for every listing of its integration, which is the per-integration fallback. A listing
 * mapped within the window is not late yet. Only runs started within the window are read,
 * so the cost follows the window, not the history.
 */
@Component
class LateListings implements SyncLateness {

	private static final List<String> FRESH = List.of(ListingStatus.SUCCESS.stored(),
			ListingStatus.NOT_MODIFIED.stored());

	private static final List<String> ENDED_WELL = List.of(SyncStatus.SUCCESS.stored(), SyncStatus.PARTIAL.stored());

	private final ChannelAccounts accounts;

	private final SyncPace pace;

	private final JdbcClient jdbc;

	private final LateSettings settings;

	private final Clock clock;

	LateListings(ChannelAccounts accounts, SyncPace pace, JdbcClient jdbc, LateSettings settings, Clock clock) {
		this.accounts = accounts;
		this.pace = pace;
		this.jdbc = jdbc;
		this.settings = settings;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public Late late(UUID integrationId) {
		return accounts.find(integrationId).filter(ChannelAccount::active).map(this::late).orElse(Late.none());
	}

	/** For the metric: how many listings of a channel's integration are late. */
	@Transactional(readOnly = true)
	int lateListings(ChannelType type) {
		return accounts.find(type).filter(ChannelAccount::active).map(account -> late(account).listings()).orElse(0);
	}

	private Late late(ChannelAccount account) {
		Duration interval = pace.interval(account);
		Instant since = clock.instant().minus(interval).minus(settings.lateGrace());
		List<MappedListing> due = accounts.mappedListings(account.id())
			.stream()
			.filter(listing -> listing.mappedAt() == null || listing.mappedAt().isBefore(since))
			.toList();
		if (due.isEmpty() || vouchedForWhole(account.id(), since)) {
			return new Late(0, interval, settings.lateGrace());
		}
		Set<String> fresh = freshListings(account.id(), since);
		int late = (int) due.stream().filter(listing -> !fresh.contains(listing.externalListingId())).count();
		return new Late(late, interval, settings.lateGrace());
	}

	private Set<String> freshListings(UUID integrationId, Instant since) {
		return new HashSet<>(jdbc.sql("""
				select distinct l.external_listing_id from sync_runs r
				join sync_run_listings l on l.sync_run_id = r.id
				where r.integration_id = :integration and r.started_at >= :since and l.status in (:fresh)""")
			.param("integration", integrationId)
			.param("since", Timestamp.from(since))
			.param("fresh", FRESH)
			.query(String.class)
			.list());
	}

	private boolean vouchedForWhole(UUID integrationId, Instant since) {
		return jdbc.sql("""
				select count(*) from sync_runs r
				where r.integration_id = :integration and r.started_at >= :since and r.status in (:ended)
				  and not exists (select 1 from sync_run_listings l where l.sync_run_id = r.id)""")
			.param("integration", integrationId)
			.param("since", Timestamp.from(since))
			.param("ended", ENDED_WELL)
			.query(Long.class)
			.single() > 0;
	}

}

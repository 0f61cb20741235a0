package io.staysync.sync.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

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
 * <p>
 * The metric's count is kept for {@link #METRIC_KEPT} (on the application's clock) or
 * until a run of the channel ends on this instance, whichever comes first: every scrape
 * would otherwise read the ids of every listing synced within the window (30,000 rows for
 * an integration of 30,000 listings). A run ended on another instance of the cluster
 * shows within that time.
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

	/** How long the metric's count of a channel is kept before it is counted again. */
	static final Duration METRIC_KEPT = Duration.ofSeconds(30);

	private final Clock clock;

	private final Map<ChannelType, Counted> counted = new ConcurrentHashMap<>();

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

	/**
	 * For the metric: how many listings of a channel's integration are late, as counted
	 * within the last {@link #METRIC_KEPT} and since the channel's last run ended here.
	 */
	int lateListings(ChannelType type) {
		Instant now = clock.instant();
		Counted last = counted.get(type);
		if (last != null && !now.isBefore(last.at()) && now.isBefore(last.at().plus(METRIC_KEPT))) {
			return last.late();
		}
		int late = accounts.find(type)
			.filter(ChannelAccount::active)
			.map(account -> late(account).listings())
			.orElse(0);
		counted.put(type, new Counted(late, now));
		return late;
	}

	/** A run of the channel ended: the metric counts again at its next read. */
	void forget(ChannelType type) {
		counted.remove(type);
	}

	private record Counted(int late, Instant at) {
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

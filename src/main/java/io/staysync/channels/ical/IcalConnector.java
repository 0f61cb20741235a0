package io.staysync.channels.ical;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import io.staysync.bookings.BookingKind;
import io.staysync.bookings.BookingSource;
import io.staysync.bookings.BookingStatus;
import io.staysync.bookings.ChannelBooking;
import io.staysync.bookings.KeyScope;
import io.staysync.channels.ChannelConnector;
import io.staysync.channels.ChannelCredentials;
import io.staysync.channels.ChannelListing;
import io.staysync.channels.ChannelMode;
import io.staysync.channels.ChannelType;
import io.staysync.channels.ConnectionCheck;
import io.staysync.channels.ListingChanges;
import io.staysync.channels.SyncCursor;
import io.staysync.common.TimeLimit;
import io.staysync.common.http.Conditional;
import io.staysync.common.http.FetchException;
import io.staysync.common.http.FetchFailure;
import io.staysync.common.http.FetchResponse;
import io.staysync.common.http.RetryingFetcher;

/**
 * iCal mode of every channel: each mapped listing's feed is fetched through the guarded
 * client (conditional GET), parsed and mapped to bookings. A body identical to the one
 * last applied ({@link FeedDigest}) is answered like a 304, without parsing it. Only a
 * usable calendar with every event read is a complete picture; an empty, HTML, truncated,
 * oversized or failed fetch cancels nothing, and neither does a calendar with an event
 * left out.
 */
@Component
class IcalConnector implements ChannelConnector {

	/**
	 * Past stays are imported for two months back; recurrences are expanded two years
	 * ahead.
	 */
	static final int DAYS_BACK = 60;

	static final int DAYS_AHEAD = 730;

	/**
	 * The longest a connection test spends reading one feed: the test runs while the
	 * manager waits, outside any sync's time budget.
	 */
	static final Duration CHECK_TIME_LIMIT = Duration.ofSeconds(30);

	private final RetryingFetcher http;

	private final IcalFeedParser parser;

	private final Clock clock;

	private final IcalSettings settings;

	@Autowired
	IcalConnector(RetryingFetcher http, Clock clock, IcalSettings settings) {
		this(http, clock, settings, new IcalFeedParser());
	}

	IcalConnector(RetryingFetcher http, Clock clock, IcalSettings settings, IcalFeedParser parser) {
		this.http = http;
		this.clock = clock;
		this.settings = settings;
		this.parser = parser;
	}

	@Override
	public boolean supports(ChannelType type, ChannelMode mode) {
		return mode == ChannelMode.ICAL;
	}

	@Override
	public ConnectionCheck testConnection(ChannelCredentials credentials) {
		if (credentials.listings().isEmpty()) {
			return ConnectionCheck.failed("No listing is mapped yet: add each listing with the URL of its iCal feed.",
					List.of());
		}
		List<String> details = new ArrayList<>();
		int failed = 0;
		for (ChannelListing listing : credentials.listings()) {
			Verdict verdict = check(listing);
			details.add(listing.externalListingId() + ": " + verdict.detail());
			failed += verdict.ok() ? 0 : 1;
		}
		int total = credentials.listings().size();
		return failed == 0
				? ConnectionCheck.passed(total == 1 ? "The feed answered with a calendar."
						: "All " + total + " feeds answered with a calendar.", details)
				: ConnectionCheck.failed(failed + " of " + total + " feeds did not answer with a calendar. "
						+ details.stream().filter(d -> !d.contains(" events")).findFirst().orElse(""), details);
	}

	@Override
	public ListingChanges fetchChanges(ChannelCredentials credentials, ChannelListing listing, SyncCursor cursor) {
		return fetchChanges(credentials, listing, cursor, TimeLimit.none());
	}

	/**
	 * The feed is read within the listing's time limit; a calendar with events left out
	 * is applied without them, each named, and cancels nothing.
	 */
	@Override
	public ListingChanges fetchChanges(ChannelCredentials credentials, ChannelListing listing, SyncCursor cursor,
			TimeLimit limit) {
		SyncCursor previous = cursor == null ? SyncCursor.none() : cursor;
		FetchResponse response;
		try {
			response = http.get(feedUri(listing), new Conditional(previous.etag(), previous.lastModified()),
					credentials.type().path());
		}
		catch (FetchException failed) {
			return ListingChanges.failed(failed.getMessage(), previous);
		}
		if (response.notModified()) {
			return ListingChanges.notModified(previous);
		}
		LocalDate today = today(listing);
		String digest = FeedDigest.of(response.body(), today.minusDays(DAYS_BACK));
		if (digest.equals(previous.contentHash())) {
			// the same bytes as the calendar last applied: as good as a 304
			return ListingChanges.notModified(previous);
		}
		ParsedFeed feed = parse(response, listing, limit);
		// Only a complete picture may stand in for the next identical answer, by its
		// digest or by the server's validators: a "not modified" counts the misses of the
		// last complete feed again, so after an empty or partial one (a body cut short,
		// an
		// event left out) the next fetch must read the whole calendar, or a stay removed
		// meanwhile would never be missed and one still there could be missed.
		SyncCursor next = feed.complete() ? new SyncCursor(response.etag(), response.lastModified(), digest)
				: SyncCursor.none();
		if (feed.verdict() == FeedVerdict.EMPTY) {
			return new ListingChanges(ListingChanges.Outcome.FETCHED, List.of(), Set.of(), false, today,
					today.plusDays(DAYS_AHEAD), next, null);
		}
		if (!feed.usable()) {
			return ListingChanges.failed(feed.problem(), previous);
		}
		List<ChannelBooking> bookings = new ArrayList<>();
		Set<String> present = new LinkedHashSet<>();
		for (FeedEvent event : feed.events()) {
			ChannelBooking booking = toBooking(credentials, listing, event);
			bookings.add(booking);
			present.add(booking.externalId());
		}
		return new ListingChanges(ListingChanges.Outcome.FETCHED, bookings, present, feed.complete(), today,
				today.plusDays(DAYS_AHEAD), next, null, FeedProblems.named(feed.refusedEvents()));
	}

	private Verdict check(ChannelListing listing) {
		try {
			ParsedFeed feed = parse(http.get(feedUri(listing), Conditional.none()), listing,
					TimeLimit.after(CHECK_TIME_LIMIT));
			if (feed.verdict() == FeedVerdict.EMPTY) {
				return new Verdict(true, "a calendar with 0 events");
			}
			if (!feed.usable()) {
				return new Verdict(false, feed.problem());
			}
			long reservations = feed.events().stream().filter(e -> e.kind() == FeedEventKind.RESERVATION).count();
			long blocks = feed.events().size() - reservations;
			String leftOut = feed.refusedEvents().isEmpty() ? ""
					: "; " + feed.refusedEvents().size()
							+ (feed.refusedEvents().size() == 1 ? " event was" : " events were") + " left out. "
							+ feed.refusedEvents().get(0);
			return new Verdict(true,
					"a calendar with " + feed.events().size() + " events (" + reservations
							+ (reservations == 1 ? " reservation, " : " reservations, ") + blocks
							+ (blocks == 1 ? " block)" : " blocks)") + leftOut);
		}
		catch (FetchException failed) {
			return new Verdict(false, failed.getMessage());
		}
	}

	/**
	 * The same horizon and limits for a test as for a sync, in the property's own dates.
	 */
	private ParsedFeed parse(FetchResponse response, ChannelListing listing, TimeLimit limit) {
		LocalDate today = today(listing);
		return parser.parse(response.body(), response.contentType(),
				new ParseOptions(listing.timeZone(), today.minusDays(DAYS_BACK), today.plusDays(DAYS_AHEAD), false)
					.within(settings.maxEventsPerFeed(), limit));
	}

	private LocalDate today(ChannelListing listing) {
		return LocalDate.now(clock.withZone(listing.timeZone()));
	}

	private static URI feedUri(ChannelListing listing) throws FetchException {
		if (listing.importUrl() == null) {
			throw new FetchException(FetchFailure.INVALID_URL, "No feed URL is set for this listing.");
		}
		try {
			return new URI(listing.importUrl());
		}
		catch (URISyntaxException malformed) {
			throw new FetchException(FetchFailure.INVALID_URL, "The feed URL of this listing is not a valid URL.");
		}
	}

	private static ChannelBooking toBooking(ChannelCredentials credentials, ChannelListing listing, FeedEvent event) {
		BookingSource source = switch (credentials.type()) {
			case AIRBNB -> BookingSource.AIRBNB;
			case BOOKING_COM -> BookingSource.BOOKING_COM;
			case ICAL -> BookingSource.ICAL;
		};
		BookingKind kind = event.kind() == FeedEventKind.RESERVATION ? BookingKind.RESERVATION : BookingKind.BLOCK;
		// A UID is unique only within the feed that carries it: keyed per listing.
		return new ChannelBooking(credentials.integrationId(), source, Uids.key(event.uid()),
				listing.externalListingId(), listing.propertyId(), kind,
				event.cancelled() ? BookingStatus.CANCELLED : BookingStatus.CONFIRMED, event.checkIn(),
				event.checkOut(), null, null, null, null, null, null, event.confirmationCode(), null, null,
				KeyScope.LISTING);
	}

	private record Verdict(boolean ok, String detail) {
	}

}

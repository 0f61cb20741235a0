package io.staysync.channels.ical;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.staysync.channels.ChannelCredentials;
import io.staysync.channels.ChannelListing;
import io.staysync.channels.ChannelMode;
import io.staysync.channels.ChannelType;
import io.staysync.channels.ListingChanges;
import io.staysync.channels.SyncCursor;
import io.staysync.common.http.FetchResponse;
import io.staysync.common.http.RetryingFetcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * The connector's half of "unchanged is nearly free": a body whose digest is the one in
 * the cursor is answered "not modified" without being parsed; any other body is parsed
 * and carries its digest, but only when it is a complete picture.
 */
class UnchangedFeedTests {

	static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);

	/** A stay and an event the parser refuses (sub-daily), so the feed is partial. */
	static final String WITH_AN_EVENT_LEFT_OUT = UnchangedFeedIntegrationTests.STAY_A + """
			BEGIN:VEVENT
			UID:bomb@evil.example
			DTSTART:20260101T000000Z
			RRULE:FREQ=SECONDLY
			END:VEVENT
			""";

	final RetryingFetcher http = mock(RetryingFetcher.class);

	final IcalFeedParser parser = spy(new IcalFeedParser());

	final IcalConnector connector = new IcalConnector(http, CLOCK, IcalSettings.defaults(), parser);

	final ChannelListing listing = new ChannelListing("flat", UUID.randomUUID(), "https://feeds.example/flat.ics",
			ZoneId.of("Europe/Lisbon"));

	@Test
	void theBytesLastAppliedAreNotParsedAgain() throws Exception {
		answer(UnchangedFeedIntegrationTests.STAY_A);
		ListingChanges first = connector.fetchChanges(credentials(), listing, SyncCursor.none());
		assertThat(first.outcome()).isEqualTo(ListingChanges.Outcome.FETCHED);
		assertThat(first.cursor().contentHash()).hasSize(64);

		ListingChanges second = connector.fetchChanges(credentials(), listing, first.cursor());

		assertThat(second.outcome()).isEqualTo(ListingChanges.Outcome.NOT_MODIFIED);
		assertThat(second.cursor()).isEqualTo(first.cursor());
		verify(parser, times(1)).parse(any(), any(), any());
	}

	@Test
	void aChangedByteIsParsedAndAppliedWithItsOwnDigest() throws Exception {
		answer(UnchangedFeedIntegrationTests.STAY_A);
		SyncCursor applied = connector.fetchChanges(credentials(), listing, SyncCursor.none()).cursor();
		answer(UnchangedFeedIntegrationTests.STAY_A.replace("Reserved", "Reserved "));

		ListingChanges changed = connector.fetchChanges(credentials(), listing, applied);

		assertThat(changed.outcome()).isEqualTo(ListingChanges.Outcome.FETCHED);
		assertThat(changed.cursor().contentHash()).hasSize(64).isNotEqualTo(applied.contentHash());
		verify(parser, times(2)).parse(any(), any(), any());
	}

	@Test
	void aFeedThatIsNotACompletePictureLeavesNoDigest() throws Exception {
		answer("");
		ListingChanges empty = connector.fetchChanges(credentials(), listing, SyncCursor.none());
		assertThat(empty.cursor().contentHash()).as("an empty feed must not stand for the next one").isNull();

		answer(WITH_AN_EVENT_LEFT_OUT);
		ListingChanges partial = connector.fetchChanges(credentials(), listing, SyncCursor.none());
		assertThat(partial.complete()).isFalse();
		assertThat(partial.cursor().contentHash()).as("nor one with an event left out").isNull();
	}

	@Test
	void aPartialFeedKeepsNoValidatorsSoTheNextFetchReadsTheWholeCalendar() throws Exception {
		answer(UnchangedFeedIntegrationTests.STAY_A, "\"v1\"", "Wed, 25 Nov 2026 09:00:00 GMT");
		ListingChanges complete = connector.fetchChanges(credentials(), listing, SyncCursor.none());
		assertThat(complete.cursor().etag()).isEqualTo("\"v1\"");
		assertThat(complete.cursor().lastModified()).isNotNull();

		answer(WITH_AN_EVENT_LEFT_OUT, "\"v2\"", "Wed, 25 Nov 2026 09:30:00 GMT");
		ListingChanges partial = connector.fetchChanges(credentials(), listing, complete.cursor());

		assertThat(partial.complete()).isFalse();
		assertThat(partial.cursor()).as("a 304 to these validators would stand for a partial picture")
			.isEqualTo(SyncCursor.none());
	}

	@Test
	void theSameBytesOnAnotherDayAreReadAgain() {
		byte[] body = "BEGIN:VCALENDAR".getBytes(StandardCharsets.US_ASCII);

		assertThat(FeedDigest.of(body, java.time.LocalDate.of(2026, 11, 25)))
			.isEqualTo(FeedDigest.of(body, java.time.LocalDate.of(2026, 11, 25)))
			.isNotEqualTo(FeedDigest.of(body, java.time.LocalDate.of(2026, 11, 26)));
	}

	private void answer(String events) throws Exception {
		answer(events, null, null);
	}

	private void answer(String events, String etag, String lastModified) throws Exception {
		byte[] body = ("BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//Unchanged//EN\n" + events + "END:VCALENDAR\n")
			.getBytes(StandardCharsets.UTF_8);
		when(http.get(any(), any(), anyString())).thenReturn(
				new FetchResponse(200, body, "text/calendar", etag, lastModified, URI.create(listing.importUrl())));
	}

	private ChannelCredentials credentials() {
		return new ChannelCredentials(UUID.randomUUID(), ChannelType.ICAL, ChannelMode.ICAL, null, null, null, null,
				List.of(listing));
	}

}

package io.staysync.integrations.rest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

import io.staysync.bookings.BookingExport;
import io.staysync.bookings.ExportedStay;
import io.staysync.channels.CalendarExport;
import io.staysync.integrations.internal.ExportFeeds;
import io.staysync.properties.PropertyRef;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/**
 * {@code GET /ical/{exportToken}.ics}: the property's confirmed reservations and blocks
 * for the next 18 months, minus the bookings that came from the channel the token was
 * issued for. Public (the token is the capability); an unknown token is a bare 404.
 */
@RestController
class ExportFeedController {

	static final MediaType CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

	private final ExportFeeds feeds;

	private final BookingExport bookings;

	private final CalendarExport calendar;

	private final Clock clock;

	ExportFeedController(ExportFeeds feeds, BookingExport bookings, CalendarExport calendar, Clock clock) {
		this.feeds = feeds;
		this.bookings = bookings;
		this.calendar = calendar;
		this.clock = clock;
	}

	@Operation(summary = "A listing's export feed (iCal) for a channel to read")
	@ApiResponse(responseCode = "200", description = "OK")
	@ApiResponse(responseCode = "404",
			description = "No listing with this export token (unknown, or regenerated since)")
	@GetMapping("/ical/{token}.ics")
	ResponseEntity<String> feed(@PathVariable String token, WebRequest request) {
		ExportFeeds.Feed feed = feeds.find(token).orElse(null);
		if (feed == null) {
			return ResponseEntity.notFound().build();
		}
		PropertyRef property = feed.property();
		LocalDate today = property.today(clock);
		List<ExportedStay> stays = bookings.stays(property.id(), feed.integrationId(), today.minusDays(1),
				today.plusMonths(18));
		String etag = "\"" + fingerprint(property.name(), stays) + "\"";
		if (request.checkNotModified(etag)) {
			return null;
		}
		return ResponseEntity.ok()
			.contentType(CALENDAR)
			.eTag(etag)
			.cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePrivate())
			.body(calendar.write(property.name(), stays, clock.instant()));
	}

	private static String fingerprint(String name, List<ExportedStay> stays) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update(name.getBytes(StandardCharsets.UTF_8));
			for (ExportedStay stay : stays) {
				digest
					.update((stay.bookingId() + "|" + stay.kind() + "|" + stay.checkIn() + "|" + stay.checkOut() + "\n")
						.getBytes(StandardCharsets.UTF_8));
			}
			return HexFormat.of().formatHex(digest.digest(), 0, 16);
		}
		catch (NoSuchAlgorithmException impossible) {
			throw new IllegalStateException(impossible);
		}
	}

}

package io.staysync.integrations.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.staysync.channels.ChannelType;
import io.staysync.integrations.internal.ListingMapping;
import io.staysync.properties.PropertyCatalog;
import io.staysync.properties.PropertyRef;

/**
 * The export link of each mapped listing, as a manager pastes it into the channel: the
 * nights sold elsewhere close there once the channel reads it. The link is built from the
 * address the console was opened at, as the API builds {@code exportUrl}.
 */
final class ExportLinks {

	private ExportLinks() {
	}

	static List<Link> of(List<ListingMapping> mappings, PropertyCatalog properties) {
		Map<UUID, String> names = properties.findAll(mappings.stream().map(ListingMapping::propertyId).toList())
			.stream()
			.collect(Collectors.toMap(PropertyRef::id, PropertyRef::name));
		return mappings.stream()
			.map(m -> new Link(m.externalListingId(), m.propertyId(), names.getOrDefault(m.propertyId(), "?"),
					url(m.exportToken()), m.exportFetchedAt(), feedSource(m.importUrlHost())))
			.toList();
	}

	static String url(String token) {
		return ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/ical/{token}.ics")
			.buildAndExpand(token)
			.toUriString();
	}

	/**
	 * Which calendar a feed comes from, told by the host that serves it (the same hosts
	 * whose feeds are described in docs/channels.md); {@code null} when the host says
	 * nothing.
	 */
	static String feedSource(String host) {
		if (host == null) {
			return null;
		}
		if (host.endsWith("vrbo.com") || host.endsWith("homeaway.com") || host.endsWith("abritel.fr")) {
			return "Vrbo";
		}
		if (host.endsWith("google.com")) {
			return "Google Calendar";
		}
		if (host.endsWith("airbnb.com") || host.contains(".airbnb.")) {
			return "Airbnb";
		}
		if (host.endsWith("booking.com")) {
			return "Booking.com";
		}
		return null;
	}

	/**
	 * Where each channel takes an imported calendar, in its own menu words.
	 */
	static List<String> whereToPaste(ChannelType type) {
		return switch (type) {
			case AIRBNB -> List.of("Airbnb: Calendar > Availability > Connect calendars > Import");
			case BOOKING_COM -> List.of("Booking.com extranet: Rates & Availability > Sync calendars");
			case ICAL -> List.of("Vrbo: Calendar > Import/Export > Import calendar",
					"Google Calendar: Other calendars > + > From URL");
		};
	}

	/**
	 * One listing's link; {@code fetchedAt} is when its channel last read it, or
	 * {@code null} if it never has (the link is not pasted yet); {@code source} names the
	 * calendar its own feed comes from, when its host tells.
	 */
	record Link(String externalListingId, UUID propertyId, String propertyName, String url, Instant fetchedAt,
			String source) {
	}

}

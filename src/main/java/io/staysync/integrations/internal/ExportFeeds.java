package io.staysync.integrations.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.staysync.properties.PropertyCatalog;
import io.staysync.properties.PropertyRef;

/**
 * Finds what an export token gives access to: one property's feed, for one integration;
 * and notes that the feed was read, which is how the console knows that its link was
 * pasted into the channel.
 */
@Service
public class ExportFeeds {

	/** Channels poll; one noted read per listing in this time is enough. */
	static final Duration NOTE_EVERY = Duration.ofMinutes(5);

	private final ListingMappingRepository mappings;

	private final PropertyCatalog properties;

	private final Clock clock;

	ExportFeeds(ListingMappingRepository mappings, PropertyCatalog properties, Clock clock) {
		this.mappings = mappings;
		this.properties = properties;
		this.clock = clock;
	}

	@Transactional
	public Optional<Feed> find(String token) {
		if (token == null || token.length() < 20 || token.length() > 64) {
			return Optional.empty();
		}
		return mappings.findByExportToken(token)
			.flatMap(mapping -> properties.find(mapping.propertyId()).map(property -> {
				Instant now = clock.instant();
				mappings.noteExportFetch(mapping.id(), now, now.minus(NOTE_EVERY));
				return new Feed(mapping.integrationId(), property);
			}));
	}

	/**
	 * The integration the token was issued for, and the property whose calendar it shows.
	 */
	public record Feed(UUID integrationId, PropertyRef property) {
	}

}
